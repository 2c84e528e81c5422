import { type Feature, lazyPage } from "../../app/feature";

export const apiKeysFeature: Feature = {
  space: "supplier",
  routes: [
    { path: "cles-api", Page: lazyPage(() => import("./ApiKeysPage"), "ApiKeysPage"), nav: { label: "Clés API", icon: "key", order: 50 } },
  ],
};
