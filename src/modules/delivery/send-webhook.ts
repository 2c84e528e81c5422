import { and, eq, sql } from "drizzle-orm";
import { type Dispatcher, fetch } from "undici";
import type { Db } from "../../platform/db/client";
import { enqueueWebhookAttempt } from "./deliver-sale";
import { PRIVATE_ADDRESS_REFUSED, publicOnlyAgent } from "./public-only-agent";
import { nextRetryDelay } from "./rules/retry-schedule";
import { isPrivateAddress } from "./rules/webhook-url";
import { webhookAttempts, webhookDeliveries, webhookEndpoints } from "./schema";
import { SIGNATURE_HEADER, signWebhook } from "./sign-webhook";

export interface SendOptions {
  /** Production refuses endpoints that resolve to private addresses (decision 017). */
  production: boolean;
  timeoutMs?: number;
}

let productionAgent: Dispatcher | undefined;
/** One agent for every production delivery: its connections are pooled per origin. */
function productionDispatcher(): Dispatcher {
  productionAgent ??= publicOnlyAgent();
  return productionAgent;
}

export interface AttemptOutcome {
  status: "pending" | "succeeded" | "failed";
  attempt: number;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

const TIMEOUT_MS = 10_000;

/**
 * One HTTP attempt of a pending delivery, to the brokerage's current URL with its current secret, logged
 * with its status code and duration. A 2xx answer ends it; anything else schedules the next attempt by
 * the retry schedule (a job), or leaves it failed when none is left. Never throws for the receiver's faults.
 */
export async function attemptDelivery(
  db: Db,
  deliveryId: string,
  now: Date,
  opts: SendOptions,
  /** The attempt the caller means to make; none when another process (or the inline test) already made it. */
  expectedAttempt?: number,
): Promise<AttemptOutcome | null> {
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .leftJoin(webhookEndpoints, eq(webhookEndpoints.orgId, webhookDeliveries.orgId))
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "pending")));
  if (!row) return null;
  const { delivery, endpoint } = row;
  if (expectedAttempt !== undefined && delivery.attempts !== expectedAttempt - 1) return null;
  const attempt = delivery.attempts + 1;
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  let excerpt: string | null = null;
  const url = endpoint?.url ?? delivery.url;
  if (!endpoint) error = "Webhook supprimé par le cabinet";
  else {
    try {
      // In production a name is checked when connecting (publicOnlyAgent); an address literal is never looked up.
      if (opts.production && isPrivateAddress(new URL(url).hostname.replace(/^\[|\]$/g, ""))) throw new Error("Adresse privée refusée");
      const response = await fetch(url, {
        method: "POST",
        ...(opts.production ? { dispatcher: productionDispatcher() } : {}),
        redirect: "manual",
        signal: AbortSignal.timeout(opts.timeoutMs ?? TIMEOUT_MS),
        headers: {
          "content-type": "application/json",
          "user-agent": "LeadsAssurance-Webhooks/1",
          [SIGNATURE_HEADER]: signWebhook(endpoint.secret, delivery.body, Math.floor(now.getTime() / 1000)),
          "x-leadsassurance-event": delivery.event,
          "x-leadsassurance-delivery": delivery.id,
        },
        body: delivery.body,
      });
      statusCode = response.status;
      excerpt = (await response.text().catch(() => "")).slice(0, 500);
      if (statusCode < 200 || statusCode > 299) error = `Réponse HTTP ${statusCode}`;
    } catch (e) {
      error = describeFailure(e);
    }
  }
  const durationMs = Math.round(performance.now() - started);
  const ok = error === null;
  const delay = ok ? null : nextRetryDelay(attempt);
  const status = ok ? "succeeded" : delay === null ? "failed" : "pending";
  const nextAt = delay === null ? null : new Date(now.getTime() + delay);
  await db.transaction(async (tx) => {
    await tx
      .insert(webhookAttempts)
      .values({ deliveryId, attempt, startedAt: now, durationMs, statusCode, error, ok, responseExcerpt: excerpt })
      .onConflictDoNothing();
    await tx
      .update(webhookDeliveries)
      .set({
        attempts: attempt,
        url,
        status,
        lastStatusCode: statusCode,
        lastError: error,
        nextAttemptAt: nextAt,
        finishedAt: status === "pending" ? null : now,
      })
      .where(and(eq(webhookDeliveries.id, deliveryId), sql`${webhookDeliveries.attempts} = ${delivery.attempts}`));
    if (nextAt) await enqueueWebhookAttempt(tx, deliveryId, attempt + 1, nextAt);
  });
  return { status, attempt, statusCode, durationMs, error };
}

function describeFailure(e: unknown): string {
  if (e instanceof Error) {
    if (e.name === "TimeoutError") return "Délai dépassé (pas de réponse en 10 s)";
    const err = (e as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
    const cause = err?.code ?? err?.errors?.[0]?.code;
    if (cause === "ECONNREFUSED") return "Connexion refusée";
    if (cause === PRIVATE_ADDRESS_REFUSED) return "Adresse privée refusée";
    if (cause === "ENOTFOUND") return "Nom de domaine introuvable";
    if (cause) return `Erreur réseau (${cause})`;
    if (err?.message) return `Erreur réseau (${err.message.slice(0, 200)})`;
    return e.message.slice(0, 200);
  }
  return "Erreur inconnue";
}
