import { type Feature, lazyPage } from "../../app/feature";

export const marketFeature: Feature = {
  space: "broker",
  routes: [
    {
      path: "salle-de-marche",
      Page: lazyPage(() => import("./MarketPage"), "MarketPage"),
      nav: { label: "Salle de marché", icon: "list", order: 10 },
    },
    {
      path: "commandes",
      Page: lazyPage(() => import("./OrdersPage"), "OrdersPage"),
      nav: { label: "Mes commandes", icon: "file", order: 20 },
    },
  ],
};

export const priceAdminFeature: Feature = {
  space: "admin",
  routes: [
    {
      path: "prix",
      Page: lazyPage(() => import("./PriceGridAdminPage"), "PriceGridAdminPage"),
      nav: { label: "Grille de prix", icon: "book", order: 30 },
    },
    {
      path: "commandes",
      Page: lazyPage(() => import("./OrdersOverviewPage"), "OrdersOverviewPage"),
      nav: { label: "Commandes des cabinets", icon: "list", order: 35 },
    },
  ],
};
