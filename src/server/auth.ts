import type { FastifyInstance, FastifyRequest, FastifySchema } from "fastify";
import fp from "fastify-plugin";
import type { Db } from "../db/client";
import { authenticateApiKey } from "../modules/accounts/api-keys";
import type { AuthContext } from "../modules/accounts/auth-context";
import { resolveSession } from "../modules/accounts/sessions";
import type { Clock } from "../shared/clock";
import type { RouteAccess } from "./access";
import { AppError } from "./errors";

export const SESSION_COOKIE = "la_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

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

export const authPlugin = fp(async (app: FastifyInstance, opts: { db: Db; clock: Clock }) => {
  app.decorateRequest("authContext", null);
  app.decorate("routeTable", []);

  app.addHook("onRoute", (route) => {
    const url = route.url;
    // Swagger UI's own static routes are public documentation.
    if (url.startsWith("/docs")) {
      const access: RouteAccess = { public: true, why: "documentation de l'API" };
      route.config = { ...route.config, access } as typeof route.config;
      for (const method of [route.method].flat()) app.routeTable.push({ method, url, access });
      return;
    }
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${url} has no access declaration`);
    for (const method of [route.method].flat()) app.routeTable.push({ method, url, access, schema: route.schema });
  });

  app.addHook("onRequest", async (req) => {
    const access = req.routeOptions.config?.access;
    if (!access || access.public) return;

    const bearer = req.headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
    let ctx: AuthContext | null = null;
    if (bearer) {
      if (!access.apiKey) throw new AppError("forbidden", { message: "Cette route n'accepte pas les clés API" });
      ctx = await authenticateApiKey(opts.db, bearer.trim(), opts.clock());
      if (!ctx) throw new AppError("api_key_invalid");
    } else {
      const raw = req.cookies[SESSION_COOKIE];
      const token = raw ? req.unsignCookie(raw) : null;
      if (token?.valid && token.value) ctx = await resolveSession(opts.db, token.value, opts.clock());
      if (!ctx) throw new AppError("unauthenticated");
      // A cookie rides along with any cross-site request; the token in a header does not.
      if (!SAFE_METHODS.has(req.method) && req.headers["x-csrf-token"] !== ctx.csrfToken) throw new AppError("csrf_invalid");
    }
    if (!access.roles.includes(ctx.role)) throw new AppError("forbidden");
    req.authContext = ctx;
  });
});
