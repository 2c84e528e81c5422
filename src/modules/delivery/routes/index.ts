import { z } from "zod";
import { access, BROKER, BROKER_ADMIN } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { App, AppDeps, RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import {
  deliveryListSchema,
  deliveryParams,
  notificationListSchema,
  sentSchema,
  webhookBodySchema,
  webhookSavedSchema,
  webhookViewSchema,
} from "../api";
import { createTestDelivery, listDeliveries, replayDelivery } from "../list-deliveries";
import { loadWebhook, regenerateWebhookSecret, saveWebhook } from "../manage-webhook";
import { listNotifications, markNotificationsRead } from "../notifications";
import { attemptDelivery } from "../send-webhook";

const tags = ["Livraison des leads"];

/** The broker's notices (bell) and his webhook: settings, secret, delivery log, replay and test. */
export const deliveryRoutes: RouteModule = (app: App, deps: AppDeps) => {
  const { db } = deps.database;
  const production = deps.config.isProduction;

  app.get(
    "/api/v1/brokerage/notifications",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Notifications du cabinet et nombre de non lues",
        response: { 200: notificationListSchema, ...errorResponses(401, 403) },
      },
    },
    async (req) => {
      const auth = authOf(req);
      return listNotifications(db, auth.orgId, auth.userId ?? "");
    },
  );

  app.post(
    "/api/v1/brokerage/notifications/read",
    {
      config: { access: access.org(BROKER) },
      schema: { tags, summary: "Tout marquer comme lu", response: { 204: z.null(), ...errorResponses(401, 403) } },
    },
    async (req, reply) => {
      await markNotificationsRead(db, authOf(req).userId ?? "", deps.clock());
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/brokerage/webhook",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: {
        tags,
        summary: "Le webhook du cabinet (sans son secret)",
        response: { 200: webhookViewSchema, ...errorResponses(401, 403) },
      },
    },
    async (req) => ({ webhook: await loadWebhook(db, authOf(req).orgId) }),
  );

  app.put(
    "/api/v1/brokerage/webhook",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: {
        tags,
        summary: "Définir l'URL du webhook ; le secret est renvoyé une seule fois, à la création",
        body: webhookBodySchema,
        response: { 200: webhookSavedSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const { settings, secret } = await saveWebhook(db, authOf(req).orgId, req.body, deps.clock(), { production });
      return { webhook: settings, secret };
    },
  );

  app.post(
    "/api/v1/brokerage/webhook/secret",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: {
        tags,
        summary: "Régénérer le secret de signature (l'ancien cesse aussitôt de signer)",
        response: { 200: webhookSavedSchema, ...errorResponses(401, 403, 409) },
      },
    },
    async (req) => {
      const { settings, secret } = await regenerateWebhookSecret(db, authOf(req).orgId, deps.clock());
      return { webhook: settings, secret };
    },
  );

  app.get(
    "/api/v1/brokerage/webhook/deliveries",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: {
        tags,
        summary: "Journal des livraisons du webhook (50 dernières)",
        response: { 200: deliveryListSchema, ...errorResponses(401, 403) },
      },
    },
    async (req) => ({ items: await listDeliveries(db, authOf(req).orgId) }),
  );

  app.post(
    "/api/v1/brokerage/webhook/deliveries/:deliveryId/replay",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: {
        tags,
        summary: "Renvoyer une livraison (même contenu, nouvelle signature)",
        params: deliveryParams,
        response: { 200: sentSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const id = await replayDelivery(db, authOf(req).orgId, req.params.deliveryId, deps.clock());
      return { id, outcome: await attemptDelivery(db, id, deps.clock(), { production }, 1) };
    },
  );

  app.post(
    "/api/v1/brokerage/webhook/test",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: { tags, summary: "Envoyer un événement de test signé", response: { 200: sentSchema, ...errorResponses(401, 403, 409) } },
    },
    async (req) => {
      const id = await createTestDelivery(db, authOf(req).orgId, deps.clock());
      return { id, outcome: await attemptDelivery(db, id, deps.clock(), { production }, 1) };
    },
  );
};
