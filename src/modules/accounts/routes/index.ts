import { z } from "zod";
import { ANY_USER, access, SUPPLIER } from "../../../platform/access";
import { authOf, SESSION_COOKIE } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { apiKeySchema, createdApiKeySchema, profileSchema } from "../api";
import { createApiKey, listApiKeys, revokeApiKey } from "../api-keys";
import { loadProfile, login } from "../login";
import { deleteSession, SESSION_TTL_MS } from "../sessions";

export const accountRoutes: RouteModule = (app, { database, config, clock }) => {
  const { db } = database;
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "lax", secure: config.isProduction, signed: true } as const;

  app.post(
    "/api/v1/auth/login",
    {
      config: {
        // Limited per account and per client address (login-throttle.ts), whatever instance answers.
        access: access.public("connexion"),
      },
      schema: {
        tags: ["Comptes"],
        summary: "Connexion par e-mail et mot de passe",
        body: z.object({
          email: z.string().trim().min(3).max(254).meta({ title: "l'e-mail" }),
          password: z.string().min(1).max(200).meta({ title: "le mot de passe" }),
        }),
        response: { 200: profileSchema, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const { session, user, org } = await login(db, { ...req.body, ip: req.ip, now: clock(), allowDemo: !config.isProduction });
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, maxAge: SESSION_TTL_MS / 1000 });
      return {
        user: { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, role: user.role },
        organisation: { id: org.id, kind: org.kind, name: org.name },
        csrfToken: session.csrfToken,
      };
    },
  );

  app.get(
    "/api/v1/auth/session",
    {
      config: { access: access.org(ANY_USER) },
      schema: { tags: ["Comptes"], summary: "Session en cours", response: { 200: profileSchema, ...errorResponses(401) } },
    },
    async (req) => {
      const auth = authOf(req);
      const profile = await loadProfile(db, auth.userId ?? "");
      if (!profile) throw new Error("session without user");
      const { user, org } = profile;
      return {
        user: { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, role: user.role },
        organisation: { id: org.id, kind: org.kind, name: org.name },
        csrfToken: auth.csrfToken ?? "",
      };
    },
  );

  app.post(
    "/api/v1/auth/logout",
    {
      config: { access: access.org(ANY_USER) },
      schema: { tags: ["Comptes"], summary: "Déconnexion", response: { 204: z.null(), ...errorResponses(401, 403) } },
    },
    async (req, reply) => {
      const raw = req.cookies[SESSION_COOKIE];
      const token = raw ? req.unsignCookie(raw) : null;
      if (token?.valid && token.value) await deleteSession(db, token.value);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/api-keys",
    {
      config: { access: access.org(SUPPLIER) },
      schema: {
        tags: ["Clés API"],
        summary: "Clés API de l'apporteur",
        response: { 200: z.object({ items: z.array(apiKeySchema) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => ({ items: await listApiKeys(db, authOf(req).orgId) }),
  );

  app.post(
    "/api/v1/api-keys",
    {
      config: { access: access.org(SUPPLIER) },
      schema: {
        tags: ["Clés API"],
        summary: "Créer une clé API (affichée une seule fois)",
        body: z.object({ name: z.string().trim().min(1).max(100).meta({ title: "le nom de la clé" }) }),
        response: {
          201: createdApiKeySchema,
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req, reply) => reply.code(201).send(await createApiKey(db, authOf(req), req.body.name)),
  );

  app.delete(
    "/api/v1/api-keys/:id",
    {
      config: { access: access.org(SUPPLIER) },
      schema: {
        tags: ["Clés API"],
        summary: "Révoquer une clé API",
        params: z.object({ id: z.uuid().meta({ title: "l'identifiant de la clé" }) }),
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await revokeApiKey(db, authOf(req), req.params.id, clock());
      return reply.code(204).send(null);
    },
  );
};
