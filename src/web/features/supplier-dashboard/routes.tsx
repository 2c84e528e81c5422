import { type Feature, lazyPage } from "../../app/feature";

export const supplierDashboardFeature: Feature = {
  space: "supplier",
  routes: [
    {
      path: "",
      Page: lazyPage(() => import("./DashboardPage"), "DashboardPage"),
      nav: { label: "Tableau de bord", icon: "dashboard", order: 10 },
    },
  ],
};
