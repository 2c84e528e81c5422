import { z } from "zod";
import { access, BROKER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { searchNaf } from "../../reference-data";
import { addContract } from "../add-contract";
import {
  changeSchema,
  clientDetailSchema,
  clientListQuerySchema,
  clientListSchema,
  clientPatchSchema,
  clientSchema,
  contractPatchSchema,
  contractSchema,
  newClientSchema,
  newContractSchema,
} from "../api";
import { createClientWithFirstContract } from "../create-client-with-first-contract";
import { getClientDetail } from "../get-client-detail";
import { listClients } from "../list-clients";
import { updateClient } from "../update-client";
import { updateContract } from "../update-contract";

const idParams = z.object({ id: z.uuid().meta({ title: "l'identifiant" }) });
const tags = ["CRM — clients"];

export const clientRoutes: RouteModule = (app, { database, clock }) => {
  const { db } = database;
  const broker = access.org(BROKER);

  app.get(
    "/api/v1/crm/clients",
    {
      config: { access: broker },
      schema: {
        tags,
        summary: "Clients du cabinet (filtres, recherche, pagination)",
        querystring: clientListQuerySchema,
        response: { 200: clientListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => listClients(db, authOf(req).orgId, req.query),
  );

  app.post(
    "/api/v1/crm/clients",
    {
      config: { access: broker },
      schema: {
        tags,
        summary: "Nouveau client avec son premier contrat (en une fois)",
        body: z
          .object({ client: newClientSchema.meta({ title: "le client" }), contract: newContractSchema.meta({ title: "le contrat" }) })
          .strict(),
        response: { 201: clientDetailSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const { clientId } = await db.transaction((tx) => createClientWithFirstContract(tx, auth, req.body, clock()));
      return reply.code(201).send(await getClientDetail(db, auth.orgId, clientId));
    },
  );

  app.get(
    "/api/v1/crm/clients/:id",
    {
      config: { access: broker },
      schema: {
        tags,
        summary: "Fiche client : contrats, agence, chargé de clientèle, check-list de préparation M+3",
        params: idParams,
        response: { 200: clientDetailSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => getClientDetail(db, authOf(req).orgId, req.params.id),
  );

  app.patch(
    "/api/v1/crm/clients/:id",
    {
      config: { access: broker },
      schema: {
        tags,
        summary: "Modifier des champs de la fiche (réponse : valeur avant / après de chaque champ modifié)",
        params: idParams,
        body: clientPatchSchema,
        response: { 200: z.object({ client: clientSchema, changes: z.array(changeSchema) }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const auth = authOf(req);
      return db.transaction((tx) => updateClient(tx, auth, req.params.id, req.body, clock()));
    },
  );

  app.post(
    "/api/v1/crm/clients/:id/contracts",
    {
      config: { access: broker },
      schema: {
        tags,
        summary: "Ajouter un contrat (souscrit à l'agence ou détenu ailleurs)",
        params: idParams,
        body: newContractSchema,
        response: { 201: contractSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      return reply.code(201).send(await db.transaction((tx) => addContract(tx, auth, req.params.id, req.body)));
    },
  );

  app.patch(
    "/api/v1/crm/contracts/:id",
    {
      config: { access: broker },
      schema: {
        tags,
        summary: "Modifier un contrat (signatures DP et devis, pièces fournies, dates…)",
        params: idParams,
        body: contractPatchSchema,
        response: {
          200: z.object({ contract: contractSchema, changes: z.array(changeSchema) }),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => {
      const auth = authOf(req);
      return db.transaction((tx) => updateContract(tx, auth, req.params.id, req.body));
    },
  );

  app.get(
    "/api/v1/crm/naf",
    {
      config: { access: broker },
      schema: {
        tags,
        summary: "Recherche dans la nomenclature NAF officielle (code ou libellé)",
        querystring: z.object({ q: z.string().trim().min(1).max(100).meta({ title: "la recherche" }) }),
        response: {
          200: z.object({ items: z.array(z.object({ code: z.string(), label: z.string() })) }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (req) => ({ items: searchNaf(req.query.q, 12) }),
  );
};
