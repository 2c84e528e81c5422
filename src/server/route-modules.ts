import { accountRoutes } from "../modules/accounts";
import { appointmentRoutes } from "../modules/appointments";
import { billingRoutes } from "../modules/billing";
import { brokerLeadRoutes } from "../modules/broker-leads";
import { brokerRoutes } from "../modules/brokers";
import { catalogueRoutes } from "../modules/catalogue";
import { consentRoutes } from "../modules/consent";
import { crmRoutes } from "../modules/crm";
import { deliveryRoutes } from "../modules/delivery";
import { evidenceRoutes } from "../modules/evidence";
import { followupRoutes } from "../modules/followup";
import { hostedFormRoutes } from "../modules/hosted-forms";
import { csvImportRoutes, intakeRoutes } from "../modules/intake";
import { marketRoutes } from "../modules/market";
import { notificationRoutes } from "../modules/notifications";
import { referenceDataRoutes } from "../modules/reference-data";
import type { RouteModule } from "../platform/deps";

/** Every feature's routes, registered in this order. */
export const ROUTE_MODULES: RouteModule[] = [
  accountRoutes,
  catalogueRoutes,
  referenceDataRoutes,
  consentRoutes,
  intakeRoutes,
  evidenceRoutes,
  csvImportRoutes,
  notificationRoutes,
  crmRoutes,
  followupRoutes,
  marketRoutes,
  billingRoutes,
  brokerRoutes,
  brokerLeadRoutes,
  deliveryRoutes,
  appointmentRoutes,
  hostedFormRoutes,
];
