import type { Db } from "../../db/client";
import type { LeadSubmission } from "../../shared/lead-submission";
import type { AuthContext } from "../accounts/auth-context";
import { actorOf } from "../accounts/auth-context";
import { withIdempotency } from "./idempotency";
import { type IngestResult, ingestLeads } from "./ingest-leads";
import type { IntakeBatcher } from "./intake-batcher";
import type { LeadChannel } from "./schema";

const channelOf = (auth: AuthContext): LeadChannel => (auth.via === "api_key" ? "api" : "form");

/**
 * One lead: 201 accepted or 422 rejected with every reason. Without an Idempotency-Key the lead joins
 * the group commit of concurrent requests; with one it gets its own transaction, shared with the key.
 */
export async function submitLead(
  db: Db,
  batcher: IntakeBatcher,
  auth: AuthContext,
  submission: LeadSubmission,
  idempotencyKey: string | undefined,
  now: Date,
) {
  if (!idempotencyKey) {
    const result = await batcher.submit({ ...actorOf(auth), orgId: auth.orgId }, channelOf(auth), submission);
    return { statusCode: result.status === "accepted" ? 201 : 422, body: result, replayed: false };
  }
  return withIdempotency(db, auth.orgId, idempotencyKey, submission, async (tx) => {
    const [result] = await ingestLeads(tx, { ...actorOf(auth), orgId: auth.orgId }, [{ submission, payload: () => submission }], {
      channel: channelOf(auth),
      now,
    });
    if (!result) throw new Error("no result");
    return { statusCode: result.status === "accepted" ? 201 : 422, body: result };
  });
}

/** Up to 1,000 leads, one result per item in the order sent; 200 even when some are rejected. */
export async function submitLeadBatch(
  db: Db,
  auth: AuthContext,
  submissions: LeadSubmission[],
  idempotencyKey: string | undefined,
  now: Date,
) {
  return withIdempotency(db, auth.orgId, idempotencyKey, submissions, async (tx) => {
    const results: IngestResult[] = await ingestLeads(
      tx,
      { ...actorOf(auth), orgId: auth.orgId },
      submissions.map((submission) => ({ submission, payload: () => submission })),
      { channel: channelOf(auth), now },
    );
    const accepted = results.filter((r) => r.status === "accepted").length;
    return { statusCode: 200, body: { accepted, rejected: results.length - accepted, results } };
  });
}
