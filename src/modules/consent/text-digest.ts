import { createHash } from "node:crypto";
import { canonicalJson } from "../../lib/canonical-json";
import { sha256Hex } from "../../lib/sha256";

export interface ConsentTextEvidence {
  id: string;
  version: string;
  title: string;
  body: string;
  sha256: string;
  partners: unknown;
  partnerCategories: readonly string[];
  publishedAt: Date;
  publishedBy: string | null;
}

export const bodySha256 = (body: string) => createHash("sha256").update(body, "utf8").digest("hex");

/**
 * What a published consent text is, committed by its `consent_text.published` event: every column, the
 * body through its sha256 (checked against the body itself apart). A text edited, swapped or inserted in
 * the database no longer matches an event only the application could write.
 */
export function consentTextDigest(t: ConsentTextEvidence): string {
  // Partner categories decide to whom a lead may be sold: committed too. A text without any (all those
  // published before they existed) keeps the first form of the digest, so its publication event still matches.
  const categories = t.partnerCategories.length > 0 ? [canonicalJson(t.partnerCategories)] : [];
  return sha256Hex(
    JSON.stringify([
      categories.length > 0 ? "consent_text/2" : "consent_text/1",
      t.id.toLowerCase(),
      t.version,
      t.title,
      t.sha256,
      canonicalJson(t.partners),
      t.publishedAt.toISOString(),
      t.publishedBy?.toLowerCase() ?? null,
      ...categories,
    ]),
  );
}
