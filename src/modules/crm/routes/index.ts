import type { RouteModule } from "../../../platform/deps";
import { agencyRoutes } from "./agency-routes";
import { clientRoutes } from "./client-routes";
import { importRoutes } from "./import-routes";

/** Clients, contracts, agencies, team and CRM imports of a broker organisation. */
export const crmRoutes: RouteModule = async (app, deps) => {
  await clientRoutes(app, deps);
  await agencyRoutes(app, deps);
  await importRoutes(app, deps);
};
