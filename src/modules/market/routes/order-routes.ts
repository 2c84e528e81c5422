import { z } from "zod";
import { access, BROKER, BROKER_ADMIN } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { notFound } from "../../../platform/errors";
import { errorResponses } from "../../../platform/openapi";
import { orderInputSchema, orderPatchSchema, orderPreviewInputSchema, orderSchema } from "../api";
import { createOrder, listOrders, previewOrder, updateOrder } from "../manage-orders";

const tags = ["Commandes exclusives"];

/** A brokerage's standing orders for exclusive leads: the admin sets them up, the whole team sees them. */
export const orderRoutes: RouteModule = (app, { database, clock }) => {
  const { db } = database;
  const orderView = async (orgId: string, id: string) => {
    const view = (await listOrders(db, orgId, clock())).find((o) => o.id === id);
    if (!view) throw notFound("Commande");
    return view;
  };

  app.get(
    "/api/v1/market/orders",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Commandes du cabinet et ce que chacune a reçu",
        response: { 200: z.object({ items: z.array(orderSchema) }) },
      },
    },
    async (req) => ({ items: await listOrders(db, authOf(req).orgId, clock()) }),
  );

  app.post(
    "/api/v1/market/orders/preview",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Combien de leads acceptés la semaine dernière auraient correspondu",
        body: orderPreviewInputSchema,
        response: { 200: z.object({ lastWeek: z.number().int() }), ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => ({ lastWeek: await previewOrder(db, req.body, clock()) }),
  );

  app.post(
    "/api/v1/market/orders",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: {
        tags,
        summary: "Nouvelle commande (active dès sa création)",
        body: orderInputSchema,
        response: { 201: orderSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const auth = authOf(req);
      const order = await createOrder(db, auth, req.body, clock());
      return reply.code(201).send(await orderView(auth.orgId, order.id));
    },
  );

  app.patch(
    "/api/v1/market/orders/:orderId",
    {
      config: { access: access.org(BROKER_ADMIN) },
      schema: {
        tags,
        summary: "Modifier, mettre en pause ou réactiver une commande",
        params: z.object({ orderId: z.uuid().meta({ title: "la commande" }) }),
        body: orderPatchSchema,
        response: { 200: orderSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const auth = authOf(req);
      const order = await updateOrder(db, auth, req.params.orderId, req.body, clock());
      return orderView(auth.orgId, order.id);
    },
  );
};
