import type { RouteModule } from "../../../server/deps";
import { marketRoutes } from "./market-routes";
import { orderRoutes } from "./order-routes";
import { priceRoutes } from "./price-routes";

export const marketModuleRoutes: RouteModule = async (app, deps) => {
  await marketRoutes(app, deps);
  await orderRoutes(app, deps);
  await priceRoutes(app, deps);
};
