import { z } from "zod";
import { access } from "../../../platform/access";
import { SESSION_COOKIE } from "../../../platform/auth";
import type { App, AppDeps } from "../../../platform/deps";
import { AppError } from "../../../platform/errors";
import { errorResponses } from "../../../platform/openapi";
import { createSession, SESSION_TTL_MS } from "../../accounts";
import { acceptInvitation } from "../accept-invitation";
import { acceptInvitationBodySchema, profileSchema, signupBodySchema } from "../api";
import { findOpenInvitation } from "../invite-colleague";
import { signUpBrokerage } from "../sign-up-brokerage";
import { reserveSignupAttempt } from "../signup-throttle";

/** Public: a brokerage signs up; an invited colleague accepts. Both log the new user in. */
export function signupRoutes(app: App, { database, config, clock }: AppDeps) {
  const { db } = database;
  const cookieOptions = { path: "/", httpOnly: true, sameSite: "lax", secure: config.isProduction, signed: true } as const;

  app.post(
    "/api/v1/brokerages",
    {
      // Limited per client address in the database, like the login (signup-throttle.ts).
      config: { access: access.public("inscription d'un cabinet de courtage (« Créer un compte courtier »)") },
      schema: {
        tags: ["Courtiers"],
        summary: "Créer un compte courtier : cabinet, inscription ORIAS et premier administrateur",
        body: signupBodySchema,
        response: { 201: profileSchema, ...errorResponses(400, 409, 429) },
      },
    },
    async (req, reply) => {
      const now = clock();
      await reserveSignupAttempt(db, { ip: req.ip, now, what: "signup" });
      const { org, user } = await db.transaction((tx) => signUpBrokerage(tx, req.body, now));
      const session = await createSession(db, user.id, now);
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, maxAge: SESSION_TTL_MS / 1000 });
      return reply.code(201).send({
        user: { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, role: user.role },
        organisation: { id: org.id, kind: org.kind, name: org.name },
        csrfToken: session.csrfToken,
      });
    },
  );

  app.get(
    "/api/v1/broker-invitations/:token",
    {
      config: {
        access: access.public("l'invité n'a pas encore de compte : le jeton reçu par e-mail est sa seule clé"),
        rateLimit: { max: 30, timeWindow: "1 minute" },
      },
      schema: {
        tags: ["Courtiers"],
        summary: "Invitation en attente (cabinet, e-mail, rôle)",
        params: z.object({ token: z.string().min(10).max(200).meta({ title: "le lien d'invitation" }) }),
        response: { 200: z.object({ orgName: z.string(), email: z.string(), role: z.string() }), ...errorResponses(400, 410, 429) },
      },
    },
    async (req) => {
      const open = await findOpenInvitation(db, req.params.token, clock());
      if (!open) throw new AppError("invitation_invalid");
      return { orgName: open.orgName, email: open.invitation.email, role: open.invitation.role };
    },
  );

  app.post(
    "/api/v1/broker-invitations/accept",
    {
      config: { access: access.public("l'invité crée son compte avec le jeton reçu par e-mail") },
      schema: {
        tags: ["Courtiers"],
        summary: "Accepter une invitation : crée le compte du collègue",
        body: acceptInvitationBodySchema,
        response: { 201: profileSchema, ...errorResponses(400, 409, 410, 429) },
      },
    },
    async (req, reply) => {
      const now = clock();
      await reserveSignupAttempt(db, { ip: req.ip, now, what: "invitation" });
      const { user, orgName } = await db.transaction((tx) => acceptInvitation(tx, req.body, now));
      const session = await createSession(db, user.id, now);
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, maxAge: SESSION_TTL_MS / 1000 });
      return reply.code(201).send({
        user: { id: user.id, email: user.email, firstName: user.firstName, lastName: user.lastName, role: user.role },
        organisation: { id: user.orgId, kind: "courtier", name: orgName },
        csrfToken: session.csrfToken,
      });
    },
  );
}
