import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, ERROR_CATALOGUE, type ErrorBody } from "./errors";

/** The single place where errors become HTTP answers: `{ error: { code, message, field } }`. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      const retryAfter = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (err.code === "too_many_requests" && retryAfter) reply.header("retry-after", String(retryAfter));
      return reply.code(err.status).send(err.toBody());
    }

    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
        return { field: [err.validationContext, path].filter(Boolean).join("."), message: frenchIssue(v.params.issue) };
      });
      const first = issues[0];
      const body: ErrorBody = {
        error: {
          code: "validation_error",
          message: first ? `${first.field} : ${first.message}` : ERROR_CATALOGUE.validation_error.message,
          field: first?.field,
          details: issues,
        },
      };
      return reply.code(400).send(body);
    }

    const status = err.statusCode ?? 500;
    if (status === 429) return reply.code(429).send(new AppError("too_many_requests").toBody());
    if (status === 413) return reply.code(413).send(new AppError("payload_too_large").toBody());
    if (status >= 400 && status < 500) {
      // Fastify's own client errors (bad JSON, wrong content type…).
      const message =
        err.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
          ? "Type de contenu non pris en charge"
          : "Corps de requête illisible (JSON invalide ?)";
      return reply.code(status).send({ error: { code: "validation_error", message, field: "body" } } satisfies ErrorBody);
    }
    req.log.error({ err }, "unhandled error");
    return reply.code(500).send(new AppError("internal_error").toBody());
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(new AppError("not_found", { message: `Aucune route ${req.method} ${req.url}` }).toBody());
  });
}

interface ZodIssueLike {
  code?: string;
  expected?: string;
  message?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

function frenchIssue(issue: unknown): string {
  const i = (issue ?? {}) as ZodIssueLike;
  switch (i.code) {
    case "invalid_type":
      return i.message?.includes("undefined") ? "champ obligatoire" : `type attendu : ${i.expected ?? "autre"}`;
    case "too_small":
      return `trop petit ou trop court (minimum ${String(i.minimum)})`;
    case "too_big":
      return `trop grand ou trop long (maximum ${String(i.maximum)})`;
    case "invalid_format":
      return "format invalide";
    case "invalid_value":
      return "valeur non autorisée";
    case "unrecognized_keys":
      return "champ inconnu";
    default:
      return "valeur invalide";
  }
}
