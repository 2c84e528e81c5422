import type { RouteModule } from "../../../platform/deps";
import { callRoutes } from "./call-routes";
import { guideRoutes } from "./guide-routes";
import { recordRoutes } from "./record-routes";
import { teamRoutes } from "./team-routes";

/** The M+3 follow-up API: the call, what is recorded during it, its pocket guide, and the agency's campaigns and measures. */
export const followupRoutes: RouteModule = (app, deps) => {
  callRoutes(app, deps);
  guideRoutes(app, deps);
  recordRoutes(app, deps);
  teamRoutes(app, deps);
};
