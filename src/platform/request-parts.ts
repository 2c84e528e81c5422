import type { FastifyRequest } from "fastify";
import type { z } from "zod";

/** The parts of a request a route's schema validates, as fastify names them. */
export type RequestPart = "body" | "querystring" | "params" | "headers";
export const REQUEST_PARTS: readonly RequestPart[] = ["body", "querystring", "params", "headers"];

/** What the client sent in one part, as fastify parsed it. */
export function inputOf(req: FastifyRequest, part: RequestPart): unknown {
  if (part === "querystring") return req.query;
  return req[part];
}

/** The zod schema the route declares for one part, if any (documentation routes have none). */
export function schemaOf(req: FastifyRequest, part: RequestPart): z.ZodType | undefined {
  const schema = (req.routeOptions.schema as Record<string, unknown> | undefined)?.[part];
  return schema && typeof schema === "object" && "_zod" in schema ? (schema as z.ZodType) : undefined;
}
