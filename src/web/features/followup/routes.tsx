import { type Feature, lazyPage } from "../../app/feature";

export const followupFeature: Feature = {
  space: "broker",
  routes: [
    {
      path: "suivi-m3",
      Page: lazyPage(() => import("./DashboardPage"), "FollowupDashboardPage"),
      nav: { label: "Suivi M+3", icon: "dashboard", order: 20 },
    },
    {
      path: "appels-m3",
      Page: lazyPage(() => import("./MyCallsPage"), "MyCallsPage"),
      nav: { label: "Mes appels M+3", icon: "list", order: 21 },
    },
    { path: "appels-m3/:id", Page: lazyPage(() => import("./CallPage"), "CallPage") },
    {
      path: "mes-actions",
      Page: lazyPage(() => import("./MyActionsPage"), "MyActionsPage"),
      nav: { label: "Mes actions", icon: "check", order: 22 },
    },
  ],
};
