// What other modules may use of delivery; nothing else of this folder is imported from outside it.
export { SALE_MAIL_JOB } from "./deliver-mail";
export { enqueueSaleDeliveries, SALE_DELIVERY_JOB, saleDeliveriesSql } from "./deliver-sale";
export { deliveryJobHandlers } from "./delivery-jobs";
export { purgeWebhookBodiesSchedule } from "./purge-webhook-bodies";
export { deliveryRoutes } from "./routes";
export { SIGNATURE_HEADER, verifyWebhookSignature } from "./sign-webhook";
