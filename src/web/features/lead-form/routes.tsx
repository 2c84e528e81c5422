import { type Feature, lazyPage } from "../../app/feature";

export const leadFormFeature: Feature = {
  space: "supplier",
  routes: [
    {
      path: "nouveau",
      Page: lazyPage(() => import("./NewLeadPage"), "NewLeadPage"),
      nav: { label: "Nouveau lead", icon: "plus", order: 30 },
    },
  ],
};
