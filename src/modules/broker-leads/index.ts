// What other modules may use of broker-leads; nothing else of this folder is imported from outside it.
export { brokerLeadRoutes } from "./routes";
