import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { consentTexts } from "../consent/schema";

export interface PublishedText {
  id: string;
  version: string;
  sha256: string;
  publishedAt: Date;
}

// Published texts never change (database triggers), so a version once found can be kept for good;
// only misses go to the database, which is how a newly published version gets picked up.
const known = new Map<string, PublishedText>();

export async function findPublishedText(db: DbOrTx, version: string): Promise<PublishedText | null> {
  const hit = known.get(version);
  if (hit) return hit;
  const [row] = await db
    .select({ id: consentTexts.id, version: consentTexts.version, sha256: consentTexts.sha256, publishedAt: consentTexts.publishedAt })
    .from(consentTexts)
    .where(eq(consentTexts.version, version))
    .limit(1);
  if (!row) return null;
  known.set(version, row);
  return row;
}
