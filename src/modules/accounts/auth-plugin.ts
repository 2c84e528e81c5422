import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import type { RouteAccess } from "../../platform/access";
import { SESSION_COOKIE } from "../../platform/auth";
import type { AuthContext } from "../../platform/auth-context";
import type { Clock } from "../../platform/clock";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { authenticateApiKey } from "./api-keys";
import { resolveSession } from "./sessions";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Resolves the caller of every non-public route (session cookie or supplier API key) and refuses a route without access declaration. */
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
