import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { WEBHOOK_URL_MESSAGES, webhookUrlProblem } from "./rules/webhook-url";
import { webhookEndpoints } from "./schema";
import { newWebhookSecret } from "./sign-webhook";

export interface WebhookSettings {
  url: string;
  enabled: boolean;
  /** The end of the secret, to recognise it; the secret itself is shown once. */
  secretHint: string;
  secretCreatedAt: Date;
  updatedAt: Date;
}

const view = (row: typeof webhookEndpoints.$inferSelect): WebhookSettings => ({
  url: row.url,
  enabled: row.enabled,
  secretHint: `whsec_…${row.secret.slice(-4)}`,
  secretCreatedAt: row.secretCreatedAt,
  updatedAt: row.updatedAt,
});

export async function loadWebhook(db: Db, orgId: string): Promise<WebhookSettings | null> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.orgId, orgId));
  return row ? view(row) : null;
}

/**
 * Sets the brokerage's webhook URL. The first time, a secret is made and returned (its only showing);
 * afterwards the secret is kept: changing the URL does not break the broker's signature check.
 */
export async function saveWebhook(
  db: Db,
  orgId: string,
  input: { url: string; enabled: boolean },
  now: Date,
  opts: { production: boolean },
): Promise<{ settings: WebhookSettings; secret: string | null }> {
  const problem = webhookUrlProblem(input.url, opts);
  if (problem) throw new AppError("validation_error", { field: "url", message: WEBHOOK_URL_MESSAGES[problem], details: { problem } });
  // Stored as the URL parser writes it: percent-encoded, never a raw control character.
  const url = new URL(input.url).href;
  const secret = newWebhookSecret();
  const [row] = await db
    .insert(webhookEndpoints)
    .values({ orgId, url, enabled: input.enabled, secret, createdAt: now, updatedAt: now, secretCreatedAt: now })
    .onConflictDoUpdate({ target: webhookEndpoints.orgId, set: { url, enabled: input.enabled, updatedAt: now } })
    .returning();
  if (!row) throw new Error("webhook upsert returned nothing");
  return { settings: view(row), secret: row.secret === secret ? secret : null };
}

/** A new secret, effective at once (the old one stops signing); returned this once. */
export async function regenerateWebhookSecret(db: Db, orgId: string, now: Date): Promise<{ settings: WebhookSettings; secret: string }> {
  const secret = newWebhookSecret();
  const [row] = await db
    .update(webhookEndpoints)
    .set({ secret, secretCreatedAt: now, updatedAt: now })
    .where(eq(webhookEndpoints.orgId, orgId))
    .returning();
  if (!row) throw new AppError("webhook_not_configured");
  return { settings: view(row), secret };
}
