import { z } from "zod";
import { access, BROKER, BROKER_ADMIN } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import { actorOf } from "../../../platform/auth-context";
import type { App, AppDeps } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { sendMail } from "../../notifications";
import { brokerageSchema, invitationBodySchema, invitationSchema } from "../api";
import { inviteColleague, listInvitations } from "../invite-colleague";
import { loadBrokerage } from "../load-brokerage";
import { BROKER_ROLE_LABELS } from "../rules/roles";

/** The broker's own cabinet: its registration status, and its admins inviting colleagues. */
export function teamRoutes(app: App, deps: AppDeps) {
  const { db } = deps.database;

  app.get(
    "/api/v1/brokerage",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags: ["Courtiers"],
        summary: "Mon cabinet : identité, inscription ORIAS et statut de vérification",
        response: { 200: brokerageSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (req) => loadBrokerage(db, authOf(req).orgId),
  );

  app.get(
    "/api/v1/brokerage/invitations",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: {
        tags: ["Courtiers"],
        summary: "Invitations envoyées par le cabinet",
        response: { 200: z.object({ items: z.array(invitationSchema) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => ({ items: await listInvitations(db, authOf(req).orgId) }),
  );

  app.post(
    "/api/v1/brokerage/invitations",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: {
        tags: ["Courtiers"],
        summary: "Inviter un collègue (administrateur ou chargé de clientèle) par e-mail",
        body: invitationBodySchema,
        response: { 201: invitationSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const admin = { ...actorOf(auth), orgId: auth.orgId, userId: auth.userId ?? "" };
      const { invitation, token } = await db.transaction((tx) => inviteColleague(tx, admin, req.body, deps.clock()));
      // After the commit: a mail cannot be taken back.
      const link = `${req.protocol}://${req.host}/invitation?jeton=${encodeURIComponent(token)}`;
      await sendMail(deps, {
        to: invitation.email,
        subject: `${auth.orgName} vous invite sur LeadsAssurance`,
        text: [
          "Bonjour,",
          "",
          `${auth.orgName} vous invite à rejoindre son espace courtier sur LeadsAssurance, en tant que ${BROKER_ROLE_LABELS[req.body.role].toLowerCase()}.`,
          "Pour créer votre compte, ouvrez ce lien (valable 7 jours) :",
          link,
          "",
          "Si vous n'attendiez pas cette invitation, ignorez ce message.",
        ].join("\n"),
        orgId: auth.orgId,
        tag: "brokers.invitation",
      });
      return reply.code(201).send(invitation);
    },
  );
}
