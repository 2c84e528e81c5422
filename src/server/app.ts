import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { authPlugin } from "../modules/accounts";
import { createNotifier } from "../modules/notifications";
import { access } from "../platform/access";
import type { App, AppDeps } from "../platform/deps";
import { clientError, frameworkError, installErrorHandler } from "../platform/error-handler";
import { logSerializers } from "../platform/log-redaction";
import { installInputChecks } from "../platform/request-input";
import { registerSecurityHeaders } from "../platform/security-headers";
import { healthRoute } from "./health";
import { ROUTE_MODULES } from "./route-modules";

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({
    logger:
      deps.config.NODE_ENV === "test" && !deps.logStream
        ? false
        : { level: deps.config.LOG_LEVEL, serializers: logSerializers, ...(deps.logStream ? { stream: deps.logStream } : {}) },
    trustProxy: deps.config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
    frameworkErrors: frameworkError,
    clientErrorHandler: clientError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installInputChecks(app);

  await registerSecurityHeaders(app, deps.config);
  await app.register(cookie, { secret: deps.config.sessionSecret });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "LeadsAssurance API",
        version: "1.0.0",
        description:
          "API des apporteurs et des courtiers. Authentification des apporteurs : `Authorization: Bearer <clé API>` (créée dans l'espace apporteur).",
      },
      components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, {
    routePrefix: "/docs",
    // Swagger UI sets inline styles as it renders: allowed on its own pages only, never in the app.
    transformStaticCSP: (header) => header.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  });
  await app.register(authPlugin, { db: deps.database.db, clock: deps.clock });

  // Tests and scripts pass no notifier: the app then owns one (and its capture server) and closes it with itself.
  const notifier =
    deps.notifier ??
    (await createNotifier({ config: deps.config, db: deps.database.db, onError: (e) => app.log.error(e, "mail capture") }));
  if (!deps.notifier) app.addHook("onClose", () => notifier.close());
  app.decorate("notifier", notifier);
  const routeDeps: AppDeps = { ...deps, notifier };

  healthRoute(app, routeDeps);
  for (const register of ROUTE_MODULES) await app.register(async (scope) => register(scope as App, routeDeps));

  await serveWebApp(app);
  return app;
}

/** The built React app: its files, and index.html for client-side routes. */
async function serveWebApp(app: App) {
  if (!existsSync(WEB_DIST)) return;
  await app.register(fastifyStatic, { root: WEB_DIST, serve: false });
  app.get("/*", { config: { access: access.public("application web") }, schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith("/api/")) return reply.callNotFound();
    const file = path.normalize(decodeURIComponent(req.url.split("?")[0] ?? "/")).replace(/^(\.\.[/\\])+/, "");
    if (file !== "/" && existsSync(path.join(WEB_DIST, file))) {
      // Vite names assets by content hash: they can be cached for good.
      return reply.sendFile(file, { maxAge: file.startsWith("/assets/") ? "365d" : 0, immutable: file.startsWith("/assets/") });
    }
    return reply.sendFile("index.html", { maxAge: 0 });
  });
}
