// What other modules may use of evidence; nothing else of this folder is imported from outside it.

export { checkpointMailHandler, checkpointMailSchedule } from "./checkpoint-mail";
export { getLeadDetail, leadWithProof } from "./lead-detail";
export { leadIntegrity, parisTime, recordOfMissingLead } from "./lead-integrity";
export { evidenceRoutes } from "./routes";
export { verifyEvidence } from "./verify-evidence";
