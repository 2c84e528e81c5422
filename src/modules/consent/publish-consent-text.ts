import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { type Actor, appendAuditEvent } from "../audit";
import { consentTexts } from "./schema";
import { bodySha256, consentTextDigest } from "./text-digest";

export interface ConsentTextInput {
  version: string;
  title: string;
  body: string;
  partners: string[];
  /** Partner categories (brokers/rules/partner-categories.ts): the brokerages a lead under this text may be sold to. */
  partnerCategories?: string[];
  publishedAt: Date;
}

/** Publishing is final: the text is stored with its sha256 and can never change (database triggers). */
export async function publishConsentText(db: DbOrTx, actor: Actor, input: ConsentTextInput) {
  const [existing] = await db.select({ id: consentTexts.id }).from(consentTexts).where(eq(consentTexts.version, input.version)).limit(1);
  if (existing) throw new AppError("consent_text_exists", { field: "version" });
  const sha256 = bodySha256(input.body);
  const [row] = await db
    .insert(consentTexts)
    .values({ ...input, partnerCategories: [...new Set(input.partnerCategories ?? [])], sha256, publishedBy: actor.userId ?? null })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  await appendAuditEvent(db, {
    actor,
    action: "consent_text.published",
    entityType: "consent_text",
    entityId: row.id,
    data: {
      version: row.version,
      sha256,
      partners: row.partners,
      partnerCategories: row.partnerCategories,
      digest: consentTextDigest(row),
    },
  });
  return row;
}

export const listConsentTexts = (db: DbOrTx) => db.select().from(consentTexts).orderBy(desc(consentTexts.publishedAt));
