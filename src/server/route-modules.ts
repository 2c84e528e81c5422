import { accountRoutes } from "../modules/accounts/routes";
import type { RouteModule } from "./deps";

/** Every feature's routes, registered in this order. */
export const ROUTE_MODULES: RouteModule[] = [accountRoutes];
