// What other modules may use of hosted-forms; nothing else of this folder is imported from outside it.
export { hostedFormRoutes } from "./routes";
export { purgeFormTokensHandler, purgeFormTokensSchedule } from "./spend-form-token";
