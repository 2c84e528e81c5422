import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { canonicalJson, eventBody, GENESIS_HASH, linkHash } from "./chain-hash";
import { type Checkpoint, checkpointSigned } from "./checkpoints";
import { checkEventMac, MAC_PROBLEMS, type MacVerdict } from "./event-mac";
import type { EvidenceKeys } from "./evidence-keys";
import type { auditEvents } from "./schema";
import { CHAIN_STARTED } from "./seal-chain";
import { isoText, STORED_EVENT_COLUMNS, type StoredEvent } from "./stored-events";

export type AuditEventRow = typeof auditEvents.$inferSelect;

interface ChainRow extends StoredEvent, Record<string, unknown> {
  position: number;
  eventId: number;
  prevHash: string;
  hash: string;
  checkpointAt: string | null;
  checkpointMac: string | null;
  found: boolean;
}

/** Something the verifier found, named so that a person can go and look: which lead, consent, event or link. */
export interface Problem {
  kind: "event" | "chain" | "checkpoint" | "lead" | "consent" | "consent_text" | "sale" | "ledger";
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
  /** Columns and joins added to each page's query (`e` is the event), handed to `onPage` with the event. */
  join?: { columns: SQL; from: SQL };
  /**
   * Each page of sealed events, with their MAC verdicts, once its links are checked: called while the next
   * page is being read, so it may not query; what it returns runs once the connection is free.
   */
  onPage(events: { event: StoredEvent & Record<string, unknown>; mac: MacVerdict }[]): (() => Promise<void>) | undefined;
}

const at = (c: Checkpoint) => c.at.toISOString();
/** What an event is about, to name it in a report: its action and entity. */
export const describeEvent = (e: { action: string; entityType: string; entityId: string | null }) =>
  `${e.action} ${e.entityType}${e.entityId ? ` ${e.entityId}` : ""}`;

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
  const pageSize = opts.pageSize ?? 10_000;
  const fetchPage = async (after: number) =>
    await rawRows<ChainRow>(
      db,
      sql`
        select c.position::float8 as position, c.event_id::float8 as "eventId", c.prev_hash as "prevHash", c.hash,
               ${sql.raw(isoText("c.checkpoint_at"))} as "checkpointAt", c.checkpoint_mac as "checkpointMac",
               e.id is not null as found, ${STORED_EVENT_COLUMNS} ${opts.join ? sql`, ${opts.join.columns}` : sql``}
          from audit_chain c left join audit_events e on e.id = c.event_id ${opts.join?.from ?? sql``}
         where c.position > ${after} order by c.position limit ${pageSize}`,
    );
  let prev = GENESIS_HASH;
  let expected = 1;
  // Once the chain was rewritten, every later checkpoint disagrees too: the first one names where.
  let disagreeing = 0;
  // The next page is asked for before this one is checked: the database reads it while this thread hashes.
  let page = await fetchPage(0);
  while (page.length > 0) {
    const next = fetchPage((page[page.length - 1] as ChainRow).position);
    const checked: { event: ChainRow; mac: MacVerdict }[] = [];
    for (const row of page) {
      const where = `position ${row.position}`;
      const problem = (kind: Problem["kind"], ref: string, message: string) => opts.report({ kind, ref, message });
      if (row.position !== expected) problem("chain", where, `maillons ${expected} à ${row.position - 1} supprimés`);
      if (row.prevHash !== prev) problem("chain", where, "le maillon précédent a été modifié ou supprimé");
      if (!row.found) problem("event", `événement n° ${row.eventId}`, `supprimé (${where} de la chaîne)`);
      else {
        const event = row;
        const body = eventBody(event, canonicalJson(event.data));
        if (linkHash(row.prevHash, event, body) !== row.hash)
          problem("event", `événement n° ${event.id}`, `modifié depuis son scellement (${where})`);
        const mac = checkEventMac(opts.keys, event, body);
        if (mac !== "ok") problem("event", `événement n° ${event.id}`, `${MAC_PROBLEMS[mac]} (${describeEvent(event)}, ${where})`);
        if (row.position === 1) walk.chainId = mac === "ok" && event.action === CHAIN_STARTED ? event.entityId : null;
        checked.push({ event, mac });
      }
      if (row.position === 1 && !walk.chainId) problem("chain", where, "le début de la chaîne n'est pas celui écrit par l'application");
      const own = { chain: walk.chainId ?? "", position: row.position, hash: row.hash };
      if (row.checkpointMac && !checkpointSigned(opts.keys, { ...own, at: new Date(row.checkpointAt as string), mac: row.checkpointMac }))
        problem("checkpoint", where, "le point d'ancrage porté par ce maillon ne correspond plus à la chaîne (chaîne rescellée ?)");
      for (const c of byPosition.get(row.position) ?? []) {
        if (c.chain !== walk.chainId) continue;
        if (c.hash === row.hash) walk.anchoredAt = c;
        else if (disagreeing++ === 0)
          problem(
            "checkpoint",
            c.source,
            `la chaîne a été réécrite avant la ${where} : elle ne correspond plus au point d'ancrage signé le ${at(c)}`,
          );
      }
      prev = row.hash;
      expected = row.position + 1;
      walk.head = { position: row.position, hash: row.hash };
      walk.sealed++;
    }
    const followUp = opts.onPage(checked);
    page = await next;
    await followUp?.();
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
