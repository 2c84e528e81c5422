import { type Feature, lazyPage } from "../../app/feature";

export const billingFeature: Feature = {
  space: "broker",
  routes: [
    {
      path: "credits",
      Page: lazyPage(() => import("./CreditsPage"), "CreditsPage"),
      nav: { label: "Crédits & factures", icon: "file", order: 40 },
    },
  ],
};
