// What other modules may use of hosted-forms; nothing else of this folder is imported from outside it.

export { purgeFormTokensHandler, purgeFormTokensSchedule } from "./purge-form-tokens";
export { hostedFormRoutes } from "./routes";
