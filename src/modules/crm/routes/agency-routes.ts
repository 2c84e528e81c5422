import { z } from "zod";
import { access, BROKER, BROKER_ADMIN } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { agencyPatchSchema, newAgencySchema } from "../agencies/agency-fields";
import { createAgency } from "../agencies/create-agency";
import { deleteAgency } from "../agencies/delete-agency";
import { listAgencies } from "../agencies/list-agencies";
import { updateAgency } from "../agencies/update-agency";
import { agencySchema, newTeamMemberAnswer, teamMemberSchema } from "../api";
import { createBrokerUser, newBrokerUserSchema } from "../team/create-broker-user";
import { listTeam } from "../team/list-team";
import { membershipSchema } from "../team/membership-fields";
import { setAgencyMembership } from "../team/set-agency-membership";

const idParams = z.object({ id: z.uuid().meta({ title: "l'identifiant" }) });
const tags = ["CRM — agences et équipe"];

export const agencyRoutes: RouteModule = (app, { database }) => {
  const { db } = database;
  const broker = access.org(BROKER);
  const admin = access.org(BROKER_ADMIN);

  app.get(
    "/api/v1/crm/agencies",
    {
      config: { access: broker },
      schema: {
        tags,
        summary: "Agences du cabinet",
        response: { 200: z.object({ items: z.array(agencySchema) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => listAgencies(db, authOf(req).orgId),
  );

  app.post(
    "/api/v1/crm/agencies",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Créer une agence",
        body: newAgencySchema,
        response: { 201: agencySchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      return reply.code(201).send(await db.transaction((tx) => createAgency(tx, auth, req.body)));
    },
  );

  app.patch(
    "/api/v1/crm/agencies/:id",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Modifier une agence",
        params: idParams,
        body: agencyPatchSchema,
        response: { 200: agencySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const auth = authOf(req);
      return db.transaction((tx) => updateAgency(tx, auth, req.params.id, req.body));
    },
  );

  app.delete(
    "/api/v1/crm/agencies/:id",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Supprimer une agence vide",
        params: idParams,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      await db.transaction((tx) => deleteAgency(tx, auth, req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/crm/team",
    {
      config: { access: broker },
      schema: {
        tags,
        summary: "Collaborateurs du cabinet et leur agence (chargés de clientèle)",
        response: { 200: z.object({ items: z.array(teamMemberSchema) }), ...errorResponses(401, 403) },
      },
    },
    async (req) => listTeam(db, authOf(req).orgId),
  );

  app.post(
    "/api/v1/crm/team",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Créer un collaborateur (mot de passe initial donné par l'administrateur)",
        body: newBrokerUserSchema,
        response: {
          201: newTeamMemberAnswer,
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      return reply.code(201).send(await db.transaction((tx) => createBrokerUser(tx, auth, req.body)));
    },
  );

  app.put(
    "/api/v1/crm/team/:id/agency",
    {
      config: { access: admin },
      schema: {
        tags,
        summary: "Rattacher un collaborateur à une agence, l'en changer ou l'en détacher (agencyId null)",
        params: idParams,
        body: membershipSchema,
        response: { 204: z.null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      await db.transaction((tx) => setAgencyMembership(tx, auth, req.params.id, req.body));
      return reply.code(204).send(null);
    },
  );
};
