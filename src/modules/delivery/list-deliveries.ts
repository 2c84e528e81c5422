import { and, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { uuidv7 } from "../../platform/db/uuid-v7";
import { AppError } from "../../platform/errors";
import { enqueueWebhookAttempt } from "./deliver-sale";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "./schema";

/** The brokerage's delivery log, newest first, each with its attempts. Scoped to the caller's brokerage. */
export async function listDeliveries(db: Db, orgId: string, limit = 50) {
  const deliveries = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.orgId, orgId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  const ids = deliveries.map((d) => d.id);
  const attempts = ids.length
    ? await db.select().from(webhookAttempts).where(inArray(webhookAttempts.deliveryId, ids)).orderBy(webhookAttempts.attempt)
    : [];
  return deliveries.map((d) => ({
    id: d.id,
    event: d.event,
    leadId: d.leadId,
    replayOf: d.replayOf,
    url: d.url,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    createdAt: d.createdAt,
    finishedAt: d.finishedAt,
    body: d.body,
    bodyPurgedAt: d.bodyPurgedAt,
    log: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({
        attempt: a.attempt,
        startedAt: a.startedAt,
        durationMs: a.durationMs,
        statusCode: a.statusCode,
        error: a.error,
        ok: a.ok,
      })),
  }));
}

async function requireEndpoint(db: Db, orgId: string) {
  const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.orgId, orgId));
  if (!endpoint) throw new AppError("webhook_not_configured");
  return endpoint;
}

/**
 * Sends a delivery again, as a new delivery with the same body (a new signature and timestamp): the log
 * keeps both. Another brokerage's delivery is "not found", never "forbidden" (its existence stays hidden).
 */
export async function replayDelivery(db: Db, orgId: string, deliveryId: string, now: Date): Promise<string> {
  const [original] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.orgId, orgId)));
  if (!original) throw new AppError("not_found", { message: "Livraison introuvable" });
  if (original.bodyPurgedAt) throw new AppError("delivery_body_purged");
  const endpoint = await requireEndpoint(db, orgId);
  const id = uuidv7(now.getTime());
  await db.transaction(async (tx) => {
    await tx.insert(webhookDeliveries).values({
      id,
      orgId,
      event: original.event,
      saleId: original.saleId,
      leadId: original.leadId,
      replayOf: original.id,
      url: endpoint.url,
      body: original.body,
      status: "pending",
      nextAttemptAt: now,
      createdAt: now,
    });
    await enqueueWebhookAttempt(tx, id, 1, now);
  });
  return id;
}

/** A "test" event with a sample lead (fictitious contact), so the broker checks his endpoint and signature. */
export async function createTestDelivery(db: Db, orgId: string, now: Date): Promise<string> {
  const endpoint = await requireEndpoint(db, orgId);
  const id = uuidv7(now.getTime());
  const body = JSON.stringify({
    id,
    event: "test",
    createdAt: now.toISOString(),
    lead: {
      id: "00000000-0000-7000-8000-000000000000",
      saleId: "00000000-0000-7000-8000-000000000000",
      product: "mutuelle-sante",
      productLabel: "Mutuelle santé",
      type: "lead",
      channel: "exclusive",
      priceCents: 2500,
      soldAt: now.toISOString(),
      contact: {
        firstName: "Camille",
        lastName: "Exemple",
        phone: "+33600000000",
        email: "camille.exemple@example.com",
        postalCode: "75011",
        city: "Paris",
        departement: "75",
      },
      fields: {},
      consent: null,
      link: "",
    },
  });
  await db.transaction(async (tx) => {
    await tx
      .insert(webhookDeliveries)
      .values({ id, orgId, event: "test", url: endpoint.url, body, status: "pending", nextAttemptAt: now, createdAt: now });
    await enqueueWebhookAttempt(tx, id, 1, now);
  });
  return id;
}
