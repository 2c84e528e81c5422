import { asc, gt, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client";
import { GENESIS_HASH, linkHash } from "./chain-hash";
import { type Checkpoint, checkpointSigned } from "./checkpoints";
import { checkEventMac, MAC_PROBLEMS, type MacVerdict } from "./event-mac";
import type { EvidenceKeys } from "./evidence-keys";
import { auditChain, auditEvents } from "./schema";
import { CHAIN_STARTED } from "./seal-chain";

export type AuditEventRow = typeof auditEvents.$inferSelect;

/** Something the verifier found, named so that a person can go and look: which lead, consent, event or link. */
export interface Problem {
  kind: "event" | "chain" | "checkpoint" | "lead" | "consent" | "consent_text";
  ref: string;
  message: string;
}

export interface ChainWalk {
  sealed: number;
  head: { position: number; hash: string } | null;
  chainId: string | null;
  /** The last external checkpoint of this chain that the chain still matches. */
  anchoredAt: (Checkpoint & { source: string }) | null;
}

export interface WalkOptions {
  keys: EvidenceKeys;
  pageSize?: number;
  /** Checkpoints read from outside the database, of any chain. */
  checkpoints: (Checkpoint & { source: string })[];
  report(p: Problem): void;
  /** Each page of sealed events, with their MAC verdicts, once its links are checked. */
  onPage(events: { event: AuditEventRow; mac: MacVerdict }[]): Promise<void>;
}

const at = (c: Checkpoint) => c.at.toISOString();
/** What an event is about, to name it in a report: its action and entity. */
export const describeEvent = (e: AuditEventRow) => `${e.action} ${e.entityType}${e.entityId ? ` ${e.entityId}` : ""}`;

/**
 * Recomputes every link from the events as stored today and checks every event's MAC, naming each link or
 * event that does not hold (not only the first). A chain rewritten and re-sealed from some event onwards
 * holds together: what it cannot match are the checkpoints signed before, outside the database, and
 * the checkpoint copies on its own links. Checkpoints past its end say it was cut.
 */
export async function walkChain(db: DbOrTx, opts: WalkOptions): Promise<ChainWalk> {
  const byPosition = new Map<number, (Checkpoint & { source: string })[]>();
  for (const c of opts.checkpoints) byPosition.set(c.position, [...(byPosition.get(c.position) ?? []), c]);
  const walk: ChainWalk = { sealed: 0, head: null, chainId: null, anchoredAt: null };
  let prev = GENESIS_HASH;
  let expected = 1;
  // Once the chain was rewritten, every later checkpoint disagrees too: the first one names where.
  let disagreeing = 0;
  for (;;) {
    const page = await db
      .select({ link: auditChain, event: auditEvents })
      .from(auditChain)
      .leftJoin(auditEvents, sql`${auditEvents.id} = ${auditChain.eventId}`)
      .where(gt(auditChain.position, walk.head?.position ?? 0))
      .orderBy(asc(auditChain.position))
      .limit(opts.pageSize ?? 10_000);
    if (page.length === 0) break;
    const checked: { event: AuditEventRow; mac: MacVerdict }[] = [];
    for (const { link, event } of page) {
      const where = `position ${link.position}`;
      const problem = (kind: Problem["kind"], ref: string, message: string) => opts.report({ kind, ref, message });
      if (link.position !== expected) problem("chain", where, `maillons ${expected} à ${link.position - 1} supprimés`);
      if (link.prevHash !== prev) problem("chain", where, "le maillon précédent a été modifié ou supprimé");
      if (!event) problem("event", `événement n° ${link.eventId}`, `supprimé (${where} de la chaîne)`);
      else {
        if (linkHash(link.prevHash, event) !== link.hash)
          problem("event", `événement n° ${event.id}`, `modifié depuis son scellement (${where})`);
        const mac = checkEventMac(opts.keys, event);
        if (mac !== "ok") problem("event", `événement n° ${event.id}`, `${MAC_PROBLEMS[mac]} (${describeEvent(event)}, ${where})`);
        if (link.position === 1) walk.chainId = mac === "ok" && event.action === CHAIN_STARTED ? event.entityId : null;
        checked.push({ event, mac });
      }
      if (link.position === 1 && !walk.chainId) problem("chain", where, "le début de la chaîne n'est pas celui écrit par l'application");
      const own = { chain: walk.chainId ?? "", position: link.position, hash: link.hash };
      if (link.checkpointMac && !checkpointSigned(opts.keys, { ...own, at: link.checkpointAt as Date, mac: link.checkpointMac }))
        problem("checkpoint", where, "le point d'ancrage porté par ce maillon ne correspond plus à la chaîne (chaîne rescellée ?)");
      for (const c of byPosition.get(link.position) ?? []) {
        if (c.chain !== walk.chainId) continue;
        if (c.hash === link.hash) walk.anchoredAt = c;
        else if (disagreeing++ === 0)
          problem(
            "checkpoint",
            c.source,
            `la chaîne a été réécrite avant la ${where} : elle ne correspond plus au point d'ancrage signé le ${at(c)}`,
          );
      }
      prev = link.hash;
      expected = link.position + 1;
      walk.head = { position: link.position, hash: link.hash };
      walk.sealed++;
    }
    await opts.onPage(checked);
  }
  if (disagreeing > 1)
    opts.report({
      kind: "checkpoint",
      ref: "points d'ancrage",
      message: `${disagreeing - 1} points d'ancrage ultérieurs ne correspondent pas non plus`,
    });
  const end = walk.head?.position ?? 0;
  const beyond = opts.checkpoints.filter((c) => c.chain === walk.chainId && c.position > end);
  const last = beyond.reduce<(typeof beyond)[number] | null>((a, c) => (!a || c.position > a.position ? c : a), null);
  if (last)
    opts.report({
      kind: "checkpoint",
      ref: last.source,
      message: `chaîne tronquée : le point d'ancrage signé le ${at(last)} atteste la position ${last.position}, la chaîne s'arrête à ${end}${beyond.length > 1 ? ` (${beyond.length} points d'ancrage au-delà)` : ""}`,
    });
  return walk;
}
