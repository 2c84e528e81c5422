import { type Feature, lazyPage } from "../../app/feature";

export const consentAdminFeature: Feature = {
  space: "admin",
  routes: [
    {
      path: "consentements",
      Page: lazyPage(() => import("./ConsentTextsPage"), "ConsentTextsPage"),
      nav: { label: "Textes de consentement", icon: "shield", order: 10 },
    },
  ],
};
