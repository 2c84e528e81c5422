// What other modules may use of evidence; nothing else of this folder is imported from outside it.

export { checkpointMailHandler, checkpointMailSchedule } from "./checkpoint-mail";
export { leadIntegrity, parisTime, recordOfMissingLead } from "./lead-integrity";
export { verifyEvidence } from "./verify-evidence";
