import { accountRoutes } from "../modules/accounts/routes";
import { brokerRoutes } from "../modules/brokers";
import { catalogueRoutes } from "../modules/catalogue/routes";
import { consentRoutes } from "../modules/consent/routes";
import { crmRoutes } from "../modules/crm/routes";
import { followupRoutes } from "../modules/followup/routes";
import { csvImportRoutes } from "../modules/intake/csv-import/routes";
import { intakeRoutes } from "../modules/intake/routes";
import { notificationRoutes } from "../modules/notifications/routes";
import { referenceDataRoutes } from "../modules/reference-data/routes";
import type { RouteModule } from "./deps";

/** Every feature's routes, registered in this order. */
export const ROUTE_MODULES: RouteModule[] = [
  accountRoutes,
  catalogueRoutes,
  referenceDataRoutes,
  consentRoutes,
  intakeRoutes,
  csvImportRoutes,
  notificationRoutes,
  crmRoutes,
  followupRoutes,
  brokerRoutes,
];
