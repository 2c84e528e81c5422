import { access, BROKER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { marketSummarySchema, ordersOverviewSchema } from "../api";
import { marketSummary } from "../market-summary";
import { ordersOverview } from "../orders-overview";

/** The broker's home (its own figures) and the operator's overview of every standing order. */
export const summaryRoutes: RouteModule = (app, { database, clock }) => {
  const { db } = database;

  app.get(
    "/api/v1/market/summary",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags: ["Salle de marché"],
        summary: "Accueil courtier : dépenses du mois (HT), leads reçus cette semaine par produit, solde, derniers leads",
        response: { 200: marketSummarySchema, ...errorResponses(401, 403) },
      },
    },
    async (req) => marketSummary(db, authOf(req).orgId, clock()),
  );

  app.get(
    "/api/v1/admin/market/orders",
    {
      config: { access: access.platform() },
      schema: {
        tags: ["Commandes exclusives"],
        summary: "Toutes les commandes des cabinets, ce qu'elles ont reçu cette semaine et leurs plafonds",
        response: { 200: ordersOverviewSchema, ...errorResponses(401, 403) },
      },
    },
    async () => ({ items: await ordersOverview(db, clock()) }),
  );
};
