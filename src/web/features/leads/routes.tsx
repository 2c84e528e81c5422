import { type Feature, lazyPage } from "../../app/feature";

export const leadsFeature: Feature = {
  space: "supplier",
  routes: [
    {
      path: "leads",
      Page: lazyPage(() => import("./LeadsListPage"), "LeadsListPage"),
      nav: { label: "Mes leads", icon: "list", order: 20 },
    },
    { path: "leads/:id", Page: lazyPage(() => import("./LeadDetailPage"), "LeadDetailPage") },
  ],
};
