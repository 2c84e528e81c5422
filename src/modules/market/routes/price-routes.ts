import { access } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import { actorOf } from "../../../platform/auth-context";
import type { RouteModule } from "../../../platform/deps";
import { notFound } from "../../../platform/errors";
import { errorResponses } from "../../../platform/openapi";
import { priceGridSchema, publishPriceGridSchema } from "../api";
import { currentPriceGrid, publishPriceGrid } from "../price-grid";

const tags = ["Prix"];

/** The price grid: public (price transparency, spec §1), edited by the platform operator. */
export const priceRoutes: RouteModule = (app, { database, clock }) => {
  const { db } = database;
  const gridInForce = async () => {
    const grid = await currentPriceGrid(db);
    if (!grid) throw notFound("Grille de prix");
    return grid;
  };

  app.get(
    "/api/v1/prices",
    {
      config: { access: access.public("la grille de prix est publique : transparence des prix (cahier des charges §1)") },
      schema: { tags, summary: "Grille de prix en vigueur (centimes HT)", response: { 200: priceGridSchema, ...errorResponses(404) } },
    },
    async () => gridInForce(),
  );

  app.put(
    "/api/v1/admin/prices",
    {
      config: { access: access.platform() },
      schema: {
        tags,
        summary: "Publier une nouvelle version de la grille (les ventes passées gardent leur prix)",
        body: publishPriceGridSchema,
        response: { 200: priceGridSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => {
      const auth = authOf(req);
      await publishPriceGrid(db, { ...actorOf(auth), userId: auth.userId }, req.body, clock());
      return gridInForce();
    },
  );
};
