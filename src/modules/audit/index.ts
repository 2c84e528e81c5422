// What other modules may use of audit; nothing else of this folder is imported from outside it.
export { type Actor, type AuditEventInput, appendAuditEvent, appendAuditEvents } from "./append-event";
export { GENESIS_HASH, type Instant, isoOf, linkHash } from "./chain-hash";
export {
  type Checkpoint,
  type CheckpointLog,
  checkpointLine,
  checkpointLog,
  checkpointSigned,
  type ReadCheckpoints,
  readCheckpoints,
} from "./checkpoints";
export { checkEventMac, MAC_PROBLEMS, type MacVerdict, signEvent } from "./event-mac";
export { type EvidenceKeys, evidenceKeys, installEvidenceKeys } from "./evidence-keys";
export { loadEvidenceSetup } from "./evidence-setup";
export { actorsEventsInsertSql, auditEventsInsertSql, type BulkAuditEvent, bulkEvent } from "./insert-events-sql";
export { chainIdOf, checkpointHead, sealAuditChain, startAuditSealer } from "./seal-chain";
export { isoText, STORED_EVENT_COLUMNS, type StoredEvent } from "./stored-events";
export { type AuditEventRow, describeEvent, type Problem, walkChain } from "./verify-chain";
