// What other modules may use of followup; nothing else of this folder is imported from outside it.

export { followupJobHandlers, followupSchedule } from "./campaign/campaign-jobs";
export { followupRoutes } from "./routes";
