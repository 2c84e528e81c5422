import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { isReinforcedTextVersion } from "../consent/rules/text-kind";

export interface TextInForce {
  version: string;
  title: string;
  body: string;
  partners: string[];
}

/**
 * The consent texts a hosted form shows: the latest published text, and for RDV forms the latest
 * reinforced one (published like any text, with a version starting "RDV-": decision 016).
 */
export async function textsInForce(db: DbOrTx, now: Date): Promise<{ main: TextInForce | null; rdv: TextInForce | null }> {
  const rows = await rawRows<TextInForce>(
    db,
    sql`select version, title, body, partners from consent_texts where published_at <= ${now.toISOString()}::timestamptz
        order by published_at desc, version desc limit 50`,
  );
  return {
    main: rows.find((t) => !isReinforcedTextVersion(t.version)) ?? null,
    rdv: rows.find((t) => isReinforcedTextVersion(t.version)) ?? null,
  };
}
