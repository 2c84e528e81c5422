import { type Feature, lazyPage } from "../../app/feature";

export const csvImportFeature: Feature = {
  space: "supplier",
  routes: [
    { path: "import", Page: lazyPage(() => import("./ImportPage"), "ImportPage"), nav: { label: "Import CSV", icon: "upload", order: 40 } },
  ],
};
