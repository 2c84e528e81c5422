// What other modules may use of intake; nothing else of this folder is imported from outside it.

export { appointmentFingerprint } from "./appointment-fingerprint";
export { claimAcceptedLeads } from "./claim-accepted-leads";
export { type CsvColumns, isBlankRow, readHeader, recordOf } from "./csv-import/columns";
export { createImport } from "./csv-import/imports";
export { markInterruptedImports } from "./csv-import/interrupted-imports";
export { runImport } from "./csv-import/run-import";
export { consentFingerprint } from "./fingerprint";
export { type IngestResult, ingestLeads } from "./ingest-leads";
export { IntakeBatcher } from "./intake-batcher";
export { LEAD_CONTACT_CSV_COLUMNS, type LeadContact, leadContactCells, leadContactOf, leadContactSelect } from "./lead-contact";
export { type ConsentEvidence, CSV_BATCH_EVENT, committedLeads, LEAD_EVENTS, type LeadEvidence, leadDigest } from "./lead-evidence";
export { objectItem } from "./read-lead-json";
export { csvImportRoutes } from "./routes/csv-import-routes";
export { intakeRoutes } from "./routes/lead-routes";
