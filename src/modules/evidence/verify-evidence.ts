import { count, sql } from "drizzle-orm";
import type { Db, Tx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import {
  type Checkpoint,
  checkEventMac,
  checkpointSigned,
  describeEvent,
  type EvidenceKeys,
  evidenceKeys,
  MAC_PROBLEMS,
  type MacVerdict,
  type Problem,
  type ReadCheckpoints,
  STORED_EVENT_COLUMNS,
  type StoredEvent,
  walkChain,
} from "../audit";
import { verifyLedger } from "../billing";
import { bodySha256, consentTextDigest } from "../consent";
import { consentTexts } from "../consent/schema";
import { committedLeads, LEAD_EVENTS } from "../intake";
import { leadConsents, leads } from "../intake/schema";
import { checkAppointments } from "./check-appointments";
import { type CommittedSale, checkSales } from "./check-sales";
import { loadStoredLeads, STORED_LEAD_COLUMNS, type StoredLead, storedLeadFaults, storedLeadJoin, storedLeadOf } from "./stored-leads";

// The lead an API or form lead event records (its entity), as a uuid; null for any other event.
const OWN_LEAD = `(case when e.action in ('lead.accepted', 'lead.rejected') and e.entity_type = 'lead'
  and e.entity_id ~ '^[0-9a-fA-F-]{36}$' then e.entity_id::uuid end)`;

export interface EvidenceReport {
  ok: boolean;
  sealed: number;
  unsealed: number;
  leads: { stored: number; verified: number };
  consentTexts: number;
  checkpoints: { read: number; otherChains: number; anchoredAt: { position: number; at: Date; source: string } | null };
  /** The first problems found (at most `maxProblems`); `problemCount` counts them all. */
  problems: Problem[];
  problemCount: number;
}

export interface VerifyOptions {
  checkpoints: ReadCheckpoints;
  keys?: EvidenceKeys;
  pageSize?: number;
  maxProblems?: number;
}

/**
 * Everything that proves consent, checked against what only the application could have written: the
 * chain (links, every event's MAC, the checkpoints kept outside the database), every lead and consent
 * record against the digest its event committed to (none missing, none added), every consent text against
 * its publication event, every sale and credit movement against the event that recorded it. One snapshot (repeatable read), so leads arriving meanwhile do not count.
 */
export async function verifyEvidence(db: Db, opts: VerifyOptions): Promise<EvidenceReport> {
  const keys = opts.keys ?? evidenceKeys();
  const maxProblems = opts.maxProblems ?? 1_000;
  const problems: Problem[] = [];
  let problemCount = 0;
  const report = (p: Problem) => {
    if (problemCount++ < maxProblems) problems.push(p);
  };
  for (const u of opts.checkpoints.unreadable) report({ kind: "checkpoint", ref: u.source, message: u.reason });
  const signed: (Checkpoint & { source: string })[] = [];
  for (const c of opts.checkpoints.checkpoints) {
    if (checkpointSigned(keys, c)) signed.push(c);
    else report({ kind: "checkpoint", ref: c.source, message: "point d'ancrage dont la signature est fausse (fichier modifié)" });
  }

  return db.transaction(
    async (tx) => {
      const texts = new Map<string, string>();
      const sales = new Map<string, CommittedSale>();
      let verified = 0;
      const checkLead = (leadId: string, digest: string, eventId: number, stored: StoredLead | null) => {
        const ref = `lead ${leadId}`;
        if (!stored) return report({ kind: "lead", ref, message: `supprimé : l'événement n° ${eventId} atteste son enregistrement` });
        verified++;
        for (const f of storedLeadFaults(stored, digest))
          report({ kind: f.kind, ref: f.kind === "consent" ? `preuve de consentement du lead ${leadId}` : ref, message: f.message });
      };
      // A lead's own event comes with its lead (joined in the page's query); the leads of a CSV batch event
      // are read apart, once the connection is free.
      const commitments = (events: { event: StoredEvent & Record<string, unknown>; mac: MacVerdict }[]) => {
        const apart: { leadId: string; digest: string; eventId: number }[] = [];
        for (const { event, mac } of events) {
          if (mac !== "ok") continue;
          if (event.action === "consent_text.published" && event.entityId)
            texts.set(event.entityId, String((event.data as { digest?: unknown }).digest));
          if (event.action === "lead.sold" && event.entityId)
            sales.set(event.entityId, { eventId: event.id, saleId: event.entityId, data: event.data as Record<string, unknown> });
          const committed = committedLeads(event.action, event.entityId, event.data);
          if (LEAD_EVENTS.includes(event.action) && committed.length === 1 && "l_id" in event) {
            const [c] = committed as [{ leadId: string; digest: string }];
            checkLead(c.leadId, c.digest, event.id, storedLeadOf(event));
          } else for (const c of committed) apart.push({ ...c, eventId: event.id });
        }
        if (apart.length === 0) return undefined;
        return async () => {
          const stored = await loadStoredLeads(
            tx,
            apart.map((a) => a.leadId),
          );
          for (const a of apart) checkLead(a.leadId, a.digest, a.eventId, stored.get(a.leadId) ?? null);
        };
      };

      const join = { columns: STORED_LEAD_COLUMNS, from: storedLeadJoin(OWN_LEAD) };
      const walk = await walkChain(tx, { keys, pageSize: opts.pageSize, checkpoints: signed, report, join, onPage: commitments });
      const unsealed = await checkUnsealed(tx, keys, opts.pageSize ?? 10_000, report, commitments);
      await checkConsentTexts(tx, texts, report);
      await checkSales(tx, sales, report);
      await checkAppointments(tx, report);
      // Money: every credit movement against its audit event (whose MAC the chain walk checked), every balance against its movements.
      for (const p of await verifyLedger(tx))
        report({
          kind: "ledger",
          ref: p.ledgerEntryId ? `mouvement de crédits ${p.ledgerEntryId} (cabinet ${p.orgId})` : `solde du cabinet ${p.orgId}`,
          message: p.detail,
        });
      await checkOrphanConsents(tx, report);
      const replays = await checkReplays(tx, report);
      const [{ n: storedLeads } = { n: 0 }] = await tx.select({ n: count() }).from(leads);
      if (storedLeads > verified || replays > 0) await checkUncommittedLeads(tx, report);
      const a = walk.anchoredAt;
      return {
        ok: problemCount === 0,
        sealed: walk.sealed,
        unsealed,
        leads: { stored: storedLeads, verified },
        consentTexts: texts.size,
        checkpoints: {
          read: opts.checkpoints.checkpoints.length,
          otherChains: signed.filter((c) => c.chain !== walk.chainId).length,
          anchoredAt: a && { position: a.position, at: a.at, source: a.source },
        },
        problems,
        problemCount,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Events not in the chain yet (a second at most, on a running server): checked the same way. */
async function checkUnsealed(
  tx: Tx,
  keys: EvidenceKeys,
  pageSize: number,
  report: (p: Problem) => void,
  commitments: (events: { event: StoredEvent & Record<string, unknown>; mac: MacVerdict }[]) => (() => Promise<void>) | undefined,
): Promise<number> {
  let after = 0;
  let n = 0;
  for (;;) {
    const page = await rawRows<StoredEvent & Record<string, unknown>>(
      tx,
      sql`
        select ${STORED_EVENT_COLUMNS} from audit_events e
         where e.id > ${after} and not exists (select 1 from audit_chain c where c.event_id = e.id)
         order by e.id limit ${pageSize}`,
    );
    if (page.length === 0) return n;
    const checked = page.map((event) => {
      const mac = checkEventMac(keys, event);
      if (mac !== "ok")
        report({ kind: "event", ref: `événement n° ${event.id}`, message: `${MAC_PROBLEMS[mac]} (${describeEvent(event)}, non scellé)` });
      return { event, mac };
    });
    await commitments(checked)?.();
    n += page.length;
    after = page[page.length - 1]?.id ?? after;
  }
}

async function checkConsentTexts(tx: Tx, committed: Map<string, string>, report: (p: Problem) => void) {
  for (const t of await tx.select().from(consentTexts)) {
    const ref = `texte de consentement ${t.version} (${t.id})`;
    if (bodySha256(t.body) !== t.sha256)
      report({ kind: "consent_text", ref, message: "son texte ne correspond plus à son empreinte SHA-256" });
    const digest = committed.get(t.id);
    if (!digest) report({ kind: "consent_text", ref, message: "aucun événement authentique n'atteste sa publication" });
    else if (digest !== consentTextDigest(t)) report({ kind: "consent_text", ref, message: "modifié depuis sa publication" });
  }
}

async function checkOrphanConsents(tx: Tx, report: (p: Problem) => void) {
  const orphans = await tx
    .select({ leadId: leadConsents.leadId })
    .from(leadConsents)
    .where(sql`not exists (select 1 from ${leads} where ${leads.id} = ${leadConsents.leadId})`)
    .limit(100);
  for (const o of orphans)
    report({ kind: "consent", ref: `preuve de consentement du lead ${o.leadId}`, message: "son lead n'existe plus" });
}

/** A genuine event copied into another row keeps its MAC: two rows with one MAC are a replay. */
async function checkReplays(tx: Tx, report: (p: Problem) => void): Promise<number> {
  const res = await rawRows<{ ids: number[] }>(
    tx,
    sql`
    select array_agg(id order by id) as ids from audit_events where mac is not null group by mac having count(*) > 1 limit 100
  `,
  );
  for (const { ids } of res)
    report({ kind: "event", ref: `événements n° ${ids.join(", ")}`, message: "copies d'un même événement (rejeu hors de l'application)" });
  return res.length;
}

/** Leads that no event records: inserted straight into the database. */
async function checkUncommittedLeads(tx: Tx, report: (p: Problem) => void) {
  const res = await rawRows<{ id: string }>(
    tx,
    sql`
    select l.id from leads l
     where not exists (select 1 from audit_events e where e.entity_type = 'lead' and e.entity_id = l.id::text)
       and not exists (select 1 from audit_events e
                        where l.import_id is not null and e.entity_type = 'csv_import' and e.entity_id = l.import_id::text
                          and e.action = 'csv_import.batch'
                          and (e.data -> 'accepted' ? l.id::text or e.data -> 'rejected' @> jsonb_build_array(jsonb_build_object('id', l.id::text))))
     limit 200
  `,
  );
  for (const { id } of res)
    report({
      kind: "lead",
      ref: `lead ${id}`,
      message: "aucun événement du journal n'atteste son enregistrement (inséré hors de l'application)",
    });
}
