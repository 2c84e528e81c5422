import { type Feature, lazyPage } from "../../app/feature";

export const crmFeature: Feature = {
  space: "broker",
  routes: [
    {
      path: "clients",
      Page: lazyPage(() => import("./ClientsListPage"), "ClientsListPage"),
      nav: { label: "Clients", icon: "list", order: 10 },
    },
    {
      path: "nouveau-client",
      Page: lazyPage(() => import("./NewClientPage"), "NewClientPage"),
      nav: { label: "Nouveau client", icon: "plus", order: 11 },
    },
    {
      path: "import-crm",
      Page: lazyPage(() => import("./ImportCrmPage"), "ImportCrmPage"),
      nav: { label: "Import CRM", icon: "upload", order: 12, roles: ["broker_admin"] },
    },
    { path: "clients/:id", Page: lazyPage(() => import("./ClientPage"), "ClientPage") },
    {
      path: "agences",
      Page: lazyPage(() => import("./AgenciesTeamPage"), "AgenciesTeamPage"),
      nav: { label: "Agences et équipe", icon: "book", order: 40, roles: ["broker_admin"] },
    },
  ],
};
