import type { RouteModule } from "../../platform/deps";
import { callRoutes } from "./routes-call";
import { guideRoutes } from "./routes-guide";
import { recordRoutes } from "./routes-record";
import { teamRoutes } from "./routes-team";

/** The M+3 follow-up API: the call, what is recorded during it, its pocket guide, and the agency's campaigns and measures. */
export const followupRoutes: RouteModule = (app, deps) => {
  callRoutes(app, deps);
  guideRoutes(app, deps);
  recordRoutes(app, deps);
  teamRoutes(app, deps);
};
