import { type Feature, lazyPage } from "../../app/feature";

export const brokerageFeature: Feature = {
  space: "broker",
  routes: [
    {
      path: "cabinet",
      Page: lazyPage(() => import("./MyBrokeragePage"), "MyBrokeragePage"),
      nav: { label: "Mon cabinet", icon: "shield", order: 90 },
    },
  ],
};

export const brokeragesAdminFeature: Feature = {
  space: "admin",
  routes: [
    {
      path: "courtiers",
      Page: lazyPage(() => import("./BrokeragesAdminPage"), "BrokeragesAdminPage"),
      nav: { label: "Cabinets à vérifier", icon: "check", order: 20 },
    },
  ],
};
