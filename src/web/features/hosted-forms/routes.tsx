import { type Feature, lazyPage } from "../../app/feature";

export const hostedFormsFeature: Feature = {
  space: "supplier",
  routes: [
    {
      path: "formulaires",
      Page: lazyPage(() => import("./HostedFormsPage"), "HostedFormsPage"),
      nav: { label: "Formulaires hébergés", icon: "file", order: 45 },
    },
  ],
};
