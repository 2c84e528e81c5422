import { type Feature, lazyPage } from "../../app/feature";

export const brokerLeadsFeature: Feature = {
  space: "broker",
  routes: [
    {
      path: "leads",
      Page: lazyPage(() => import("./BrokerLeadsPage"), "BrokerLeadsPage"),
      nav: { label: "Mes leads et RDV", icon: "list", order: 5 },
    },
    { path: "leads/:leadId", Page: lazyPage(() => import("./BrokerLeadPage"), "BrokerLeadPage") },
  ],
};

export const returnsAdminFeature: Feature = {
  space: "admin",
  routes: [
    {
      path: "contestations",
      Page: lazyPage(() => import("./ReturnsAdminPage"), "ReturnsAdminPage"),
      nav: { label: "Contestations", icon: "alert", order: 40 },
    },
  ],
};
