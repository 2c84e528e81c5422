import { and, asc, eq, gte, isNotNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import type { AuditEventRow } from "../audit";
import { chainIdOf, checkEventMac, checkpointSigned, type EvidenceKeys, evidenceKeys, linkHash } from "../audit";
import { auditChain, auditEvents } from "../audit/schema";
import { formatParisDateTime } from "../catalogue/rules/dates";
import { consentTextDigest } from "../consent";
import { consentTexts } from "../consent/schema";
import { CSV_BATCH_EVENT, committedLeads } from "../intake";
import { type StoredLead, storedLeadFaults } from "./stored-leads";

export const parisTime = (d: Date) => `${formatParisDateTime(d)} (heure de Paris)`;

export interface IntegrityCheck {
  code: "event" | "foreign_event" | "data" | "consent" | "text" | "sealed" | "anchored";
  state: "ok" | "pending" | "failed";
  message: string;
}

export interface LeadIntegrity {
  status: "verified" | "pending" | "altered";
  checks: IntegrityCheck[];
}

// A lead's event is sealed within a second, and the full sweep seals any straggler within ten minutes:
// past that, what is still missing was removed.
const PENDING_FOR_MS = 10 * 60 * 1000;
// The sealer signs a checkpoint at the end of each batch of at most 5,000 links.
const MAX_LINKS_TO_ANCHOR = 20_000;

/**
 * The events that name this lead (any writer: a forged one shows too): its own, or the CSV batch's that
 * lists it, looked for in its import, or in every import of the organisation when the lead is gone.
 */
export async function eventsNaming(db: DbOrTx, leadId: string, batchesOf: { importId: string | null } | { orgId: string }) {
  const own = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "lead"), eq(auditEvents.entityId, leadId)))
    .orderBy(asc(auditEvents.id));
  if ("importId" in batchesOf && !batchesOf.importId) return own;
  const batches = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.entityType, "csv_import"),
        "importId" in batchesOf ? eq(auditEvents.entityId, batchesOf.importId as string) : eq(auditEvents.orgId, batchesOf.orgId),
        eq(auditEvents.action, CSV_BATCH_EVENT),
        sql`(${auditEvents.data} -> 'accepted' ? ${leadId} or ${auditEvents.data} -> 'rejected' @> jsonb_build_array(jsonb_build_object('id', ${leadId}::text)))`,
      ),
    )
    .orderBy(asc(auditEvents.id));
  return [...own, ...batches];
}

/**
 * The proof view's own check of one lead, the same as the verifier's for it: the event that recorded it
 * is the application's, commits to the lead and consent as stored today, is sealed in the chain, and the
 * chain from there holds up to a checkpoint signed by the application.
 */
export async function leadIntegrity(
  db: DbOrTx,
  stored: StoredLead,
  now: Date,
  keys: EvidenceKeys = evidenceKeys(),
): Promise<LeadIntegrity> {
  const checks: IntegrityCheck[] = [];
  const add = (code: IntegrityCheck["code"], state: IntegrityCheck["state"], message: string) => checks.push({ code, state, message });
  const events = await eventsNaming(db, stored.lead.id, { importId: stored.lead.importId });
  const authentic = events.filter((e) => checkEventMac(keys, e) === "ok");
  const foreign = events.filter((e) => !authentic.includes(e));
  for (const e of foreign)
    add("foreign_event", "failed", `L'événement n° ${e.id} (${e.action}) qui vise ce lead n'a pas été écrit par l'application.`);
  const committing = authentic.filter((e) => committedLeads(e.action, e.entityId, e.data).some((c) => c.leadId === stored.lead.id));
  const event = committing[0];
  if (!event) {
    add("event", "failed", "Aucun événement authentique du journal d'audit n'atteste l'enregistrement de ce lead.");
    return verdict(checks);
  }
  add(
    "event",
    "ok",
    `Enregistrement attesté par le journal d'audit et signé par l'application : événement n° ${event.id} du ${parisTime(event.occurredAt)}.`,
  );
  const digest = committedLeads(event.action, event.entityId, event.data).find((c) => c.leadId === stored.lead.id)?.digest ?? "";
  const faults = storedLeadFaults(stored, digest);
  if (faults.length === 0) add("data", "ok", "Données du lead et preuve de consentement identiques à celles enregistrées.");
  for (const f of faults) add(f.kind === "consent" ? "consent" : "data", "failed", `Altération : ${f.message}.`);
  if (stored.consent) await checkText(db, keys, stored.consent.consentTextId, add);
  await checkChain(db, keys, event, now, add);
  return verdict(checks);
}

/** The authentic event of this organisation that recorded a lead no longer in the database, if any. */
export async function recordOfMissingLead(db: DbOrTx, orgId: string, leadId: string, keys: EvidenceKeys = evidenceKeys()) {
  const events = await eventsNaming(db, leadId, { orgId });
  return (
    events.find(
      (e) =>
        e.orgId === orgId &&
        checkEventMac(keys, e) === "ok" &&
        committedLeads(e.action, e.entityId, e.data).some((c) => c.leadId === leadId),
    ) ?? null
  );
}

function verdict(checks: IntegrityCheck[]): LeadIntegrity {
  const status = checks.some((c) => c.state === "failed") ? "altered" : checks.some((c) => c.state === "pending") ? "pending" : "verified";
  return { status, checks };
}

type Add = (code: IntegrityCheck["code"], state: IntegrityCheck["state"], message: string) => void;

async function checkText(db: DbOrTx, keys: EvidenceKeys, textId: string, add: Add) {
  const [text] = await db.select().from(consentTexts).where(eq(consentTexts.id, textId));
  const published = await db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.entityType, "consent_text"), eq(auditEvents.entityId, textId), eq(auditEvents.action, "consent_text.published")),
    );
  const ok = published.some(
    (e) => checkEventMac(keys, e) === "ok" && text && (e.data as { digest?: unknown }).digest === consentTextDigest(text),
  );
  if (ok) add("text", "ok", "Texte de consentement identique à sa publication.");
  else add("text", "failed", "Altération : le texte de consentement n'est plus celui que l'application a publié.");
}

async function checkChain(db: DbOrTx, keys: EvidenceKeys, event: AuditEventRow, now: Date, add: Add) {
  const [link] = await db.select().from(auditChain).where(eq(auditChain.eventId, event.id));
  const recent = now.getTime() - event.occurredAt.getTime() < PENDING_FOR_MS;
  if (!link) {
    if (recent) add("sealed", "pending", "Scellement dans la chaîne d'audit en cours (quelques secondes).");
    else add("sealed", "failed", "Altération : l'événement n'est pas dans la chaîne d'audit (maillon supprimé).");
    return;
  }
  if (linkHash(link.prevHash, event) !== link.hash) {
    add("sealed", "failed", `Altération : l'événement a changé depuis son scellement (position ${link.position}).`);
    return;
  }
  add("sealed", "ok", `Scellé dans la chaîne d'audit à la position ${link.position}.`);
  const [anchor] = await db
    .select({ position: auditChain.position })
    .from(auditChain)
    .where(and(gte(auditChain.position, link.position), isNotNull(auditChain.checkpointMac)))
    .orderBy(asc(auditChain.position))
    .limit(1);
  if (!anchor || anchor.position - link.position > MAX_LINKS_TO_ANCHOR) {
    if (recent) add("anchored", "pending", "Point d'ancrage signé en cours (quelques secondes).");
    else add("anchored", "failed", "Altération : aucun point d'ancrage signé ne suit ce maillon (fin de chaîne supprimée ou rescellée).");
    return;
  }
  const path = await db
    .select({ link: auditChain, event: auditEvents })
    .from(auditChain)
    .leftJoin(auditEvents, eq(auditEvents.id, auditChain.eventId))
    .where(and(gte(auditChain.position, link.position), lte(auditChain.position, anchor.position)))
    .orderBy(asc(auditChain.position));
  let prev = link.prevHash;
  let expected = link.position;
  for (const step of path) {
    const holds =
      step.link.position === expected &&
      step.link.prevHash === prev &&
      step.event !== null &&
      linkHash(prev, step.event) === step.link.hash;
    if (!holds) {
      add("anchored", "failed", `Altération : la chaîne d'audit est rompue à la position ${step.link.position}, après ce lead.`);
      return;
    }
    prev = step.link.hash;
    expected++;
  }
  const last = path.at(-1)?.link;
  const signed =
    !!last?.checkpointMac &&
    checkpointSigned(keys, {
      chain: await chainIdOf(db),
      position: last.position,
      hash: last.hash,
      at: last.checkpointAt as Date,
      mac: last.checkpointMac,
    });
  if (signed && last)
    add(
      "anchored",
      "ok",
      `Chaîne intacte jusqu'au point d'ancrage signé le ${parisTime(last.checkpointAt as Date)} (position ${last.position}).`,
    );
  else add("anchored", "failed", "Altération : la chaîne a été rescellée depuis ce lead (son point d'ancrage ne correspond plus).");
}
