import type { Feature } from "../../app/feature";
import { BrokerHomePage } from "./BrokerHomePage";

export const brokerHomeFeature: Feature = {
  space: "broker",
  routes: [{ path: "", Page: BrokerHomePage, nav: { label: "Accueil", icon: "home", order: 0 } }],
};
