import type { RouteModule } from "../../../platform/deps";
import { marketRoutes as listingRoutes } from "./market-routes";
import { orderRoutes } from "./order-routes";
import { priceRoutes } from "./price-routes";
import { summaryRoutes } from "./summary-routes";

export const marketRoutes: RouteModule = async (app, deps) => {
  await listingRoutes(app, deps);
  await orderRoutes(app, deps);
  await priceRoutes(app, deps);
  await summaryRoutes(app, deps);
};
