import type { AuthContext } from "../../platform/auth-context";
import { actorOf } from "../../platform/auth-context";
import type { Db } from "../../platform/db/client";
import { withIdempotency } from "./idempotency";
import { type IngestResult, ingestLeads } from "./ingest-leads";
import type { IntakeBatcher } from "./intake-batcher";
import { batchItems, jsonObjectBody, leadItem } from "./read-lead-json";
import type { LeadChannel } from "./schema";

const channelOf = (auth: AuthContext): LeadChannel => (auth.via === "api_key" ? "api" : "form");

/**
 * One lead, from the request body as received: 201 accepted or 422 rejected with every reason, and
 * stored either way with everything it holds. Only a body that is not a JSON object is refused (400).
 * Without an Idempotency-Key the lead joins the group commit of concurrent requests; with one it gets
 * its own transaction, shared with the key.
 */
export async function submitLead(
  db: Db,
  batcher: IntakeBatcher,
  auth: AuthContext,
  body: unknown,
  idempotencyKey: string | undefined,
  now: Date,
) {
  const { value, bytes } = jsonObjectBody(body);
  const item = leadItem(value, () => bytes);
  const supplier = { ...actorOf(auth), orgId: auth.orgId };
  if (!idempotencyKey) {
    const result = await batcher.submit(supplier, channelOf(auth), item);
    return { statusCode: result.status === "accepted" ? 201 : 422, body: result, replayed: false };
  }
  return withIdempotency(db, auth.orgId, idempotencyKey, bytes, async (tx) => {
    const [result] = await ingestLeads(tx, supplier, [item], { channel: channelOf(auth), now });
    if (!result) throw new Error("no result");
    return { statusCode: result.status === "accepted" ? 201 : 422, body: result };
  });
}

/** Up to 1,000 leads, each read and judged on its own, one result per item in the order sent; 200 even when some are rejected. */
export async function submitLeadBatch(db: Db, auth: AuthContext, body: unknown, idempotencyKey: string | undefined, now: Date) {
  const { value, bytes } = jsonObjectBody(body);
  const items = batchItems(value, bytes);
  return withIdempotency(db, auth.orgId, idempotencyKey, bytes, async (tx) => {
    const results: IngestResult[] = await ingestLeads(tx, { ...actorOf(auth), orgId: auth.orgId }, items, {
      channel: channelOf(auth),
      now,
    });
    const accepted = results.filter((r) => r.status === "accepted").length;
    return { statusCode: 200, body: { accepted, rejected: results.length - accepted, results } };
  });
}
