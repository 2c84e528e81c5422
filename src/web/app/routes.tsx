import { apiKeysFeature } from "../features/api-keys/routes";
import { appointmentsFeature } from "../features/appointments/routes";
import { billingFeature } from "../features/billing/routes";
import { brokerHomeFeature } from "../features/broker-home/routes";
import { brokerLeadsFeature, returnsAdminFeature } from "../features/broker-leads/routes";
import { brokerageFeature, brokeragesAdminFeature } from "../features/brokers/routes";
import { consentAdminFeature } from "../features/consent-admin/routes";
import { crmFeature } from "../features/crm/routes";
import { csvImportFeature } from "../features/csv-import/routes";
import { deliveryFeature } from "../features/delivery/routes";
import { followupFeature } from "../features/followup/routes";
import { hostedFormsFeature } from "../features/hosted-forms/routes";
import { leadFormFeature } from "../features/lead-form/routes";
import { leadsFeature } from "../features/leads/routes";
import { marketFeature, priceAdminFeature } from "../features/market/routes";
import { outboxFeature } from "../features/outbox/routes";
import { supplierDashboardFeature } from "../features/supplier-dashboard/routes";
import type { Feature } from "./feature";

/**
 * Every feature of the web app, in one place. A feature declares its pages and sidebar entries in
 * its own routes.tsx; adding it here is all it takes to route it and show it in its space's menu.
 */
export const FEATURES: Feature[] = [
  supplierDashboardFeature,
  leadsFeature,
  leadFormFeature,
  csvImportFeature,
  apiKeysFeature,
  hostedFormsFeature,
  consentAdminFeature,
  brokerHomeFeature,
  brokerLeadsFeature,
  crmFeature,
  followupFeature,
  outboxFeature,
  marketFeature,
  appointmentsFeature,
  priceAdminFeature,
  billingFeature,
  brokerageFeature,
  brokeragesAdminFeature,
  returnsAdminFeature,
  deliveryFeature,
];
