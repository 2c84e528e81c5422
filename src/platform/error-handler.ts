import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, ERROR_CATALOGUE, type ErrorBody } from "./errors";
import { fieldMessages } from "./field-messages";
import { inputOf, type RequestPart, schemaOf } from "./request-parts";

/**
 * What Fastify refuses before any route is chosen (its `frameworkErrors` option): a path whose %XX escapes
 * are not UTF-8 text, or a path segment longer than the router reads (100 characters) where no other route
 * matches. Fastify would answer them in English with a shape of its own; here they get the answer of any
 * other invalid request.
 */
export function frameworkError(err: FastifyError, _req: FastifyRequest, reply: FastifyReply) {
  const message =
    err.code === "FST_ERR_MAX_PARAM_LENGTH"
      ? "Adresse invalide : un élément du chemin de l'URL dépasse 100 caractères"
      : "Adresse invalide : le chemin de l'URL contient des caractères mal encodés";
  return reply.code(400).send(new AppError("validation_error", { message, field: "url" }).toBody());
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (Fastify's `clientErrorHandler` option):
 * headers over Node's 16 KB (a browser carrying too many cookies), bytes that are not HTTP, a request that
 * arrives too slowly. Fastify would answer in English with a shape of its own; written straight to the
 * socket here, since there is no request nor reply to answer with.
 */
export function clientError(err: NodeJS.ErrnoException, socket: Socket) {
  // A connection the client reset has nobody left to answer.
  if (err.code === "ECONNRESET" || socket.destroyed) return;
  const error =
    err.code === "HPE_HEADER_OVERFLOW"
      ? new AppError("headers_too_large", { field: "headers" })
      : err.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? new AppError("request_timeout")
        : new AppError("validation_error", {
            message: "Requête HTTP illisible : ce qui a été envoyé n'est pas du HTTP valide",
            field: "request",
          });
  if (socket.writable) {
    const body = JSON.stringify(error.toBody());
    socket.write(
      `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

/**
 * The single place where errors become HTTP answers: `{ error: { code, message, field, details } }`.
 * A schema violation names the field in words (its declared title) in a French sentence; `details`
 * lists every field at fault with its path, its name and its message, for forms to show them in place.
 */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      const retryAfter = (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
      if (err.code === "too_many_requests" && retryAfter) reply.header("retry-after", String(retryAfter));
      return reply.code(err.status).send(err.toBody());
    }

    if (hasZodFastifySchemaValidationErrors(err)) {
      const part = (err.validationContext ?? "body") as RequestPart;
      const issues = err.validation.map((v) => ({
        ...(v.params as object),
        code: v.keyword,
        path: v.instancePath
          .split("/")
          .filter(Boolean)
          .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)),
        message: v.message,
      }));
      const details = fieldMessages(schemaOf(req, part), issues, inputOf(req, part), part);
      const first = details[0];
      const body: ErrorBody = {
        error: {
          code: "validation_error",
          message: first?.message ?? ERROR_CATALOGUE.validation_error.message,
          field: first?.field,
          details,
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
