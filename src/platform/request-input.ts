import { isUtf8 } from "node:buffer";
import { Readable } from "node:stream";
import type { FastifyInstance, FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import type { z } from "zod";
import { inspectJson, type JsonPath, MAX_JSON_DEPTH, NOT_STORABLE, pathText, readableText } from "../lib/json-text";
import { AppError } from "./errors";
import { sentenceLabel } from "./field-messages";
import { inputOf, REQUEST_PARTS, type RequestPart, schemaOf } from "./request-parts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** The route reads its JSON body itself, from the bytes as received (intake keeps every byte sent). */
    jsonBodyAsBytes?: boolean;
  }
}

const invalid = (field: string, label: string, message: string) =>
  new AppError("validation_error", { field, message: `${label} : ${message}` });

/** What the parsers built (JSON, query string, text) is walked; a streamed upload or raw bytes are the route's own. */
const isParsedInput = (v: unknown) => !(Buffer.isBuffer(v) || v instanceof Readable);

/**
 * Input that the database cannot store (json-text.ts) is a 400 naming the field, on every route,
 * before the route's own validation: a NUL in a login, a search or a CRM form used to reach
 * PostgreSQL and come back as a 500. JSON bodies must be UTF-8 (RFC 8259) rather than be silently
 * altered. Intake routes (config.jsonBodyAsBytes) receive the bytes and store what they cannot read.
 */
export function installInputChecks(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (req, body: Buffer, done) => {
    if (req.routeOptions.config.jsonBodyAsBytes) return done(null, body);
    if (!isUtf8(body)) return done(invalid("body", "Corps de la requête", "texte UTF-8 attendu"), undefined);
    parseJson(req, body.toString("utf8"), done);
  });

  app.addHook("preValidation", async (req) => {
    // No route: the answer is a 404 whatever was sent.
    if (req.is404) return;
    for (const part of REQUEST_PARTS) {
      const value = inputOf(req, part);
      if (!isParsedInput(value)) continue;
      const seen = inspectJson(value);
      if (seen.tooDeep)
        throw invalid(fieldOf(part, seen.tooDeep), PART_LABELS[part], `structure trop imbriquée (${MAX_JSON_DEPTH} niveaux au plus)`);
      // The route's schema names the field in words (its titles), as its own validation would.
      if (seen.notStorable)
        throw invalid(fieldOf(part, seen.notStorable), readableText(sentenceLabel(schemaOf(req, part), seen.notStorable)), NOT_STORABLE);
    }
  });
}

const PART_LABELS: Record<RequestPart, string> = {
  body: "Corps de la requête",
  querystring: "Paramètres de l'adresse",
  params: "Adresse",
  headers: "En-têtes",
};

const fieldOf = (part: string, path: JsonPath) => readableText([part, pathText(path)].filter(Boolean).join("."));

/**
 * For a route whose body its handler reads (jsonBodyAsBytes): the body schema documents the API and is
 * not enforced; the other parts of the request are validated as everywhere.
 */
export const bodyReadByHandler = <S>(route: Parameters<FastifySchemaCompiler<S>>[0]) =>
  route.httpPart === "body"
    ? (body: unknown) => ({ value: body })
    : validatorCompiler(route as unknown as Parameters<FastifySchemaCompiler<z.ZodType>>[0]);
