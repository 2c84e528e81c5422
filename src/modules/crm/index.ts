// What other modules may use of crm; nothing else of this folder is imported from outside it.
export { referenceIssues } from "./check-references";
export { type ClientPatchInput, clientPatchSchema } from "./client-input";
export { createClientWithFirstContract } from "./create-client-with-first-contract";
export { detectTns } from "./detect-tns";
export { markInterruptedCrmImports } from "./import/interrupted-crm-imports";
export { type LoadedClient, type LoadedContract, loadClientRecord } from "./load-client-record";
export { crmRoutes } from "./routes";
export { updateClient } from "./update-client";
