import { type Feature, lazyPage } from "../../app/feature";

export const appointmentsFeature: Feature = {
  space: "broker",
  routes: [
    {
      path: "rdv",
      Page: lazyPage(() => import("./AgendaPage"), "AgendaPage"),
      nav: { label: "Agenda RDV", icon: "list", order: 15 },
    },
  ],
};
