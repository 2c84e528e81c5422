import { randomUUID } from "node:crypto";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENESIS_HASH, linkHash } from "../audit";
import { auditChain, auditEvents } from "../audit/schema";
import { publishConsentText } from "../consent";
import { consentFingerprint } from "../intake";
import { leadConsents, leads } from "../intake/schema";
import { problemsOf, type TamperScenario, tamperScenario } from "./tamper-scenario";

// Each attack is what someone with database access (the tables' owner, or a superuser) can do; each must
// be named by the verifier (what `npm run audit:verify` runs) and shown on the proof view of the lead
// concerned. Attacks on rows share one database, each on leads of its own; attacks on the chain get theirs.

type Integrity = { status: string; checks: { code: string; state: string; message: string }[] };
const failed = (i: Integrity) => i.checks.filter((c) => c.state === "failed").map((c) => c.code);
const CHANGED = /ses données ou sa preuve de consentement ne sont plus celles enregistrées/;

async function integrityOf(s: TamperScenario, id: string): Promise<Integrity> {
  const res = await s.proof(id);
  expect(res.statusCode).toBe(200);
  return res.json().integrity;
}

describe("rows changed behind the application's back", () => {
  let s: TamperScenario;
  beforeAll(async () => {
    s = await tamperScenario();
  });
  afterAll(() => s.close());
  const untouched = () => s.accepted[5] as string;

  it("holds as written: every lead verified, the chain anchored to its last link", async () => {
    const report = await s.verify();
    expect(report.problems).toEqual([]);
    expect(report.leads).toEqual({ stored: 12, verified: 12 });
    expect(report.checkpoints.anchoredAt?.position).toBe(report.sealed);
    for (const id of [...s.accepted, ...s.rejected, ...s.csvLeads]) expect((await integrityOf(s, id)).status).toBe("verified");
  });

  it("a consent record copied out, truncated, its IP changed, its public fingerprint recomputed and put back", async () => {
    const victim = s.accepted[0] as string;
    await expect(s.ctx.db.execute(sql`truncate lead_consents`)).rejects.toThrow();
    await s.asAttacker(["lead_consents"], async (tx) => {
      const [lead] = await tx.select().from(leads).where(eq(leads.id, victim));
      const rows = await tx.select().from(leadConsents);
      await tx.execute(sql`truncate lead_consents`);
      const forged = rows.map((c) =>
        c.leadId === victim && lead
          ? { ...c, ip: "10.6.6.6", fingerprint: consentFingerprint({ ...lead, leadId: lead.id }, { ...c, ip: "10.6.6.6" }) }
          : c,
      );
      await tx.insert(leadConsents).values(forged);
    });
    const report = await s.verify();
    expect(problemsOf(report, victim)).toEqual([expect.stringMatching(CHANGED)]);
    expect(problemsOf(report, untouched())).toEqual([]);
    const proof = (await s.proof(victim)).json();
    // The public fingerprint alone is fooled (it was recomputed); the digest in the signed journal is not.
    expect(proof.proof).toMatchObject({ ip: "10.6.6.6", fingerprintValid: true });
    expect(proof.integrity.status).toBe("altered");
    expect(failed(proof.integrity)).toEqual(["data"]);
  });

  it("a lead's product fields, date, status and reasons, or consent text changed; a rejected lead deleted; one added", async () => {
    const [, fieldsChanged, dated, textSwapped] = s.accepted as [string, string, string, string];
    const [madeAccepted, deleted] = s.rejected as [string, string];
    const csvLead = s.csvLeads[1] as string;
    const broader = await publishConsentText(
      s.ctx.db,
      {},
      {
        version: `LARGE-${randomUUID()}`,
        title: "Tous partenaires",
        body: "J'accepte d'être appelé par tout le monde.",
        partners: ["*"],
        publishedAt: s.ctx.clock(),
      },
    );
    const added = randomUUID();
    await s.asAttacker(["leads", "lead_consents"], async (tx) => {
      await tx.execute(sql`update leads set fields = fields || '{"bonusMalus": 0.5}' where id = ${fieldsChanged}`);
      await tx.execute(sql`update leads set created_at = created_at - interval '40 days' where id = ${dated}`);
      await tx.execute(sql`update leads set status = 'accepted', reasons = '[]' where id in (${madeAccepted}, ${csvLead})`);
      await tx.execute(sql`update lead_consents set consent_text_id = ${broader.id} where lead_id = ${textSwapped}`);
      await tx.execute(sql`delete from leads where id = ${deleted}`);
      const [copy] = await tx.select().from(leads).where(eq(leads.id, untouched()));
      await tx.insert(leads).values({ ...(copy as typeof leads.$inferSelect), id: added, phone: "+33611111111" });
    });
    const report = await s.verify();
    for (const id of [fieldsChanged, dated, madeAccepted, csvLead])
      expect(problemsOf(report, id)).toEqual([expect.stringMatching(CHANGED)]);
    expect(problemsOf(report, textSwapped)).toEqual([
      expect.stringMatching(/pointe vers un texte de consentement qui n'est pas celui accepté/),
      expect.stringMatching(CHANGED),
    ]);
    expect(problemsOf(report, deleted)).toEqual([expect.stringMatching(/^supprimé : l'événement n° \d+ atteste son enregistrement/)]);
    expect(problemsOf(report, added)).toEqual([expect.stringMatching(/aucun événement du journal n'atteste son enregistrement/)]);
    expect(problemsOf(report, untouched())).toEqual([]);
    for (const id of [fieldsChanged, dated, madeAccepted, csvLead]) expect(failed(await integrityOf(s, id))).toEqual(["data"]);
    expect(failed(await integrityOf(s, textSwapped))).toEqual(["consent", "data"]);
    expect(failed(await integrityOf(s, added))).toEqual(["event"]);
    const gone = await s.proof(deleted);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error).toMatchObject({ code: "lead_deleted", message: expect.stringMatching(/supprimé de la base/) });
  });

  it("an event inserted straight into the journal with a back-dated time: the sealer seals it as a forgery", async () => {
    const victim = s.rejected[2] as string;
    await s.ctx.owner.execute(sql`
      insert into audit_events (occurred_at, action, entity_type, entity_id, data)
      values (now() - interval '90 days', 'lead.accepted', 'lead', ${victim}, '{"channel": "api", "product": "assurance-auto"}')`);
    await s.seal();
    const [forged] = await s.ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, victim), eq(auditEvents.action, "lead.accepted")));
    const flagged = await s.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, "audit.forgery_detected"));
    expect(flagged.map((e) => e.data)).toEqual([{ eventId: forged?.id, problem: expect.stringMatching(/sans signature/) }]);
    const report = await s.verify();
    expect(report.problems.filter((p) => p.kind === "event")).toEqual([
      {
        kind: "event",
        ref: `événement n° ${forged?.id}`,
        message: expect.stringMatching(/sans signature de l'application.*lead\.accepted lead/),
      },
    ]);
    const integrity = await integrityOf(s, victim);
    expect(integrity.status).toBe("altered");
    expect(failed(integrity)).toEqual(["foreign_event"]);
  });

  it("the application's own connection cannot change, empty or unprotect an evidence table", async () => {
    const db = s.ctx.db;
    await expect(db.execute(sql`update leads set status = 'accepted'`)).rejects.toThrow();
    await expect(db.execute(sql`delete from leads`)).rejects.toThrow();
    await expect(db.execute(sql`truncate leads cascade`)).rejects.toThrow();
    await expect(db.execute(sql`delete from lead_consents`)).rejects.toThrow();
    if (s.ctx.database.kind === "postgres") {
      // On PostgreSQL the application's role owns no table: it cannot ALTER them to disable a trigger.
      const refusal = (why: RegExp) => ({ cause: expect.objectContaining({ message: expect.stringMatching(why) }) });
      await expect(db.execute(sql`alter table leads disable trigger user`)).rejects.toMatchObject(refusal(/must be owner/));
      await expect(db.execute(sql`set session_replication_role = replica`)).rejects.toMatchObject(refusal(/permission denied/));
    }
  });
});

describe("the chain cut or rewritten", () => {
  let s: TamperScenario;
  beforeAll(async () => {
    s = await tamperScenario();
  });
  afterAll(() => s.close());

  it("the last events and their links deleted: the checkpoints outside the database say where the chain ended", async () => {
    const tail = await s.submitAccepted(2);
    await s.seal();
    await s.asAttacker(["audit_chain", "audit_events"], async (tx) => {
      for (const id of tail) {
        const [event] = await tx.select().from(auditEvents).where(eq(auditEvents.entityId, id));
        await tx.delete(auditChain).where(eq(auditChain.eventId, event?.id ?? 0));
        await tx.delete(auditEvents).where(eq(auditEvents.id, event?.id ?? 0));
      }
    });
    const report = await s.verify();
    expect(report.problems.filter((p) => p.kind === "checkpoint").map((p) => p.message)).toEqual([
      expect.stringMatching(/^chaîne tronquée : le point d'ancrage signé le .* atteste la position \d+, la chaîne s'arrête à \d+/),
    ]);
    for (const id of tail) {
      expect(problemsOf(report, id)).toEqual([expect.stringMatching(/aucun événement du journal n'atteste/)]);
      expect(failed(await integrityOf(s, id))).toEqual(["event"]);
    }
  });

  it("an event changed and the chain re-sealed from there: its MAC and the signed checkpoints give it away", async () => {
    const [changed, later] = s.accepted as [string, string];
    await s.asAttacker(["audit_chain", "audit_events"], async (tx) => {
      await tx.execute(sql`update audit_events set data = data || '{"product": "mutuelle-sante"}' where entity_id = ${changed}`);
      const [from] = await tx
        .select({ position: auditChain.position })
        .from(auditChain)
        .innerJoin(auditEvents, eq(auditEvents.id, auditChain.eventId))
        .where(eq(auditEvents.entityId, changed));
      const [before] = await tx
        .select()
        .from(auditChain)
        .where(eq(auditChain.position, (from?.position ?? 1) - 1));
      const links = await tx
        .select({ link: auditChain, event: auditEvents })
        .from(auditChain)
        .innerJoin(auditEvents, eq(auditEvents.id, auditChain.eventId))
        .where(gte(auditChain.position, from?.position ?? 0))
        .orderBy(asc(auditChain.position));
      let prev = before?.hash ?? GENESIS_HASH;
      for (const { link, event } of links) {
        const hash = linkHash(prev, event);
        await tx.update(auditChain).set({ prevHash: prev, hash }).where(eq(auditChain.position, link.position));
        prev = hash;
      }
    });
    const report = await s.verify();
    expect(report.problems.filter((p) => p.kind === "event").map((p) => p.message)).toEqual([
      expect.stringMatching(new RegExp(`^signature de l'événement invalide .*lead\\.accepted lead ${changed}`)),
    ]);
    const anchors = report.problems.filter((p) => p.kind === "checkpoint").map((p) => p.message);
    expect(anchors).toEqual(expect.arrayContaining([expect.stringMatching(/^la chaîne a été réécrite avant la position \d+/)]));
    expect(anchors).toEqual(expect.arrayContaining([expect.stringMatching(/chaîne rescellée/)]));
    expect(failed(await integrityOf(s, changed))).toEqual(["foreign_event", "event"]);
    expect(failed(await integrityOf(s, later))).toEqual(["anchored"]);
  });
});
