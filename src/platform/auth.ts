import type { FastifyRequest, FastifySchema } from "fastify";
import type { RouteAccess } from "./access";
import type { AuthContext } from "./auth-context";
import { AppError } from "./errors";

export const SESSION_COOKIE = "la_session";

declare module "fastify" {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    authContext: AuthContext | null;
  }
  interface FastifyInstance {
    /** Every registered route with its access declaration and schema (walked by tests). */
    routeTable: { method: string; url: string; access: RouteAccess; schema?: FastifySchema }[];
  }
}

/** The caller of an authenticated route; throws if used on a public route by mistake. */
export function authOf(req: FastifyRequest): AuthContext {
  if (!req.authContext) throw new AppError("unauthenticated");
  return req.authContext;
}
