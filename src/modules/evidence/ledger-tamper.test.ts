import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgWithUser } from "../../../tests/support/test-app";
import { creditWallet, debitCredits } from "../billing";
import { formatReport } from "./format-report";
import { type TamperScenario, tamperScenario } from "./tamper-scenario";

// `npm run audit:verify` (verifyEvidence) rechecks money too: billing's verifyLedger, reported as "ledger".
describe("credit movements changed behind the application's back", () => {
  let s: TamperScenario;
  let orgId: string;
  beforeAll(async () => {
    s = await tamperScenario();
    orgId = (await createOrgWithUser(s.ctx, "broker_admin")).org.id;
    const now = new Date("2026-12-01T09:00:00Z");
    await s.ctx.db.transaction((tx) =>
      creditWallet(tx, { orgId, amountCents: 50_000, kind: "adjustment", reference: "recharge-test", now }),
    );
    await s.ctx.db.transaction((tx) =>
      debitCredits(tx, { orgId, amountCents: 1_800, kind: "marketplace_purchase", reference: "achat-test", description: "Achat", now }),
    );
    await s.seal();
  });
  afterAll(() => s.close());

  const ledgerProblems = async () => (await s.verify()).problems.filter((p) => p.kind === "ledger");

  it("holds as written", async () => {
    const report = await s.verify();
    expect(report.problems).toEqual([]);
  });

  it("names a movement whose amount was changed in the table, and the balance it no longer adds up to", async () => {
    const rows = (
      (await s.ctx.db.execute(sql`select id from ledger_entries where org_id = ${orgId}::uuid and amount_cents < 0`)) as unknown as {
        rows: { id: string }[];
      }
    ).rows;
    const victim = rows[0]?.id as string;
    // The purchase now costs 1 cent: the wallet keeps its balance, so the sum no longer matches either.
    await s.asAttacker(["ledger_entries"], (tx) =>
      tx.execute(sql`update ledger_entries set amount_cents = -1 where id = ${victim}::uuid`).then(() => {}),
    );
    const problems = await ledgerProblems();
    expect(problems).toEqual([
      {
        kind: "ledger",
        ref: `mouvement de crédits ${victim} (cabinet ${orgId})`,
        message: "mouvement de -1 centimes, -1800 dans le journal d'audit",
      },
      { kind: "ledger", ref: `solde du cabinet ${orgId}`, message: "solde 48200 centimes, somme des mouvements 49999" },
    ]);
    const { ok, text } = formatReport(await s.verify(), { sealedNow: 0, seconds: 0, folders: ["x"] });
    expect(ok).toBe(false);
    expect(text).toContain("Crédits (mouvements et soldes)");
    expect(text).toContain(`  - mouvement de crédits ${victim} (cabinet ${orgId}) : mouvement de -1 centimes`);
  });

  it("names a movement inserted by hand, with no audit event", async () => {
    await s.asAttacker(["ledger_entries"], (tx) =>
      tx
        .execute(sql`
          insert into ledger_entries (id, org_id, amount_cents, balance_after_cents, kind, reference, description, created_at)
          select gen_random_uuid(), org_id, 100000, 148200, 'adjustment', 'cadeau', 'Cadeau', now() from ledger_entries where org_id = ${orgId}::uuid limit 1`)
        .then(() => {}),
    );
    expect((await ledgerProblems()).map((p) => p.message)).toContain("mouvement sans événement d'audit");
  });
});
