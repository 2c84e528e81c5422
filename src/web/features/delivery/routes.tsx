import { type Feature, lazyPage } from "../../app/feature";

export const deliveryFeature: Feature = {
  space: "broker",
  routes: [
    {
      path: "webhook",
      Page: lazyPage(() => import("./WebhookPage"), "WebhookPage"),
      nav: { label: "Webhook", icon: "upload", order: 80, roles: ["broker_admin"] },
    },
  ],
};
