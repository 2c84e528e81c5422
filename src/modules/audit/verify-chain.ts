import { asc, count, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { GENESIS_HASH, linkHash } from "./chain-hash";
import { auditChain, auditEvents } from "./schema";

export type ChainVerdict =
  | { ok: true; checked: number; unsealed: number }
  | { ok: false; checked: number; unsealed: number; brokenAt: { position: number; eventId: number; problem: string } };

/** Recomputes every link from the events as stored today; names the first link that does not hold. */
export async function verifyAuditChain(db: Db, pageSize = 10_000): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let after = 0;
  let checked = 0;
  const unsealed = await countUnsealed(db);
  for (;;) {
    const page = await db
      .select({ link: auditChain, event: auditEvents })
      .from(auditChain)
      .leftJoin(auditEvents, sql`${auditEvents.id} = ${auditChain.eventId}`)
      .where(gt(auditChain.position, after))
      .orderBy(asc(auditChain.position))
      .limit(pageSize);
    if (page.length === 0) return { ok: true, checked, unsealed };
    for (const { link, event } of page) {
      const broken = (problem: string): ChainVerdict => ({
        ok: false,
        checked,
        unsealed,
        brokenAt: { position: link.position, eventId: link.eventId, problem },
      });
      if (!event) return broken("événement absent");
      if (link.prevHash !== prev) return broken("maillon précédent modifié ou supprimé");
      if (linkHash(prev, event) !== link.hash) return broken("contenu de l'événement modifié");
      prev = link.hash;
      after = link.position;
      checked++;
    }
  }
}

async function countUnsealed(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .leftJoin(auditChain, sql`${auditChain.eventId} = ${auditEvents.id}`)
    .where(isNull(auditChain.eventId));
  return row?.n ?? 0;
}
