import type { RouteModule } from "../../../platform/deps";
import { adminRoutes } from "./admin-routes";
import { signupRoutes } from "./signup-routes";
import { teamRoutes } from "./team-routes";

export const brokerRoutes: RouteModule = (app, deps) => {
  signupRoutes(app, deps);
  teamRoutes(app, deps);
  adminRoutes(app, deps);
};
