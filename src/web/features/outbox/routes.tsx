import type { Feature } from "../../app/feature";
import { lazyPage } from "../../app/feature";

export const outboxFeature: Feature = {
  space: "broker",
  routes: [
    {
      path: "messages",
      Page: lazyPage(() => import("./OutboxPage"), "OutboxPage"),
      nav: { label: "Messages envoyés", icon: "file", order: 50 },
    },
  ],
};
