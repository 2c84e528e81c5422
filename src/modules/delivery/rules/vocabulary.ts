/** The words of a webhook delivery, shared by the server and the web app. */
export const DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const DELIVERY_EVENTS = ["lead.received", "test"] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = { pending: "En cours", succeeded: "Livré", failed: "Échec" };
export const DELIVERY_EVENT_LABELS: Record<DeliveryEvent, string> = { "lead.received": "Nouveau lead", test: "Test" };
