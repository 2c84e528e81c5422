import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgWithUser, createTestApp, type TestContext } from "../../../tests/support/test-app";
import { AppError } from "../../platform/errors";
import { auditEvents } from "../audit/schema";
import { creditWallet, debitCredits, walletBalance } from "./move-credits";
import { ledgerEntries } from "./schema";
import { verifyLedger } from "./verify-ledger";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const now = new Date("2026-11-30T10:00:00Z");
const ledgerSum = async (orgId: string) =>
  Number(
    (
      (await ctx.db.execute(
        sql`select coalesce(sum(amount_cents), 0)::int as s from ledger_entries where org_id = ${orgId}`,
      )) as unknown as {
        rows: { s: number }[];
      }
    ).rows[0]?.s,
  );

describe("credit wallet", () => {
  it("credits and debits in rows whose sum is the balance, each in the audit chain", async () => {
    const { org } = await createOrgWithUser(ctx, "broker_admin");
    expect(await walletBalance(ctx.db, org.id)).toBe(0);
    await ctx.db.transaction((tx) => creditWallet(tx, { orgId: org.id, amountCents: 10_000, kind: "top_up", reference: "pay-1", now }));
    const debit = await ctx.db.transaction((tx) =>
      debitCredits(tx, { orgId: org.id, amountCents: 2_550, kind: "marketplace_purchase", reference: "lead-1", now }),
    );
    expect(debit.balanceAfterCents).toBe(7_450);
    await ctx.db.transaction((tx) => creditWallet(tx, { orgId: org.id, amountCents: 2_550, kind: "refund", reference: "lead-1", now }));
    expect(await walletBalance(ctx.db, org.id)).toBe(10_000);
    expect(await ledgerSum(org.id)).toBe(10_000);
    const rows = await ctx.db.select().from(ledgerEntries).where(eq(ledgerEntries.orgId, org.id));
    expect(rows.map((r) => [r.kind, r.amountCents]).sort()).toEqual([
      ["marketplace_purchase", -2_550],
      ["refund", 2_550],
      ["top_up", 10_000],
    ]);
    const events = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.entityType, "ledger_entry")));
    expect(events.map((e) => e.action).sort()).toEqual(["credits.credited", "credits.credited", "credits.debited"]);
    expect(events.find((e) => e.action === "credits.debited")?.data).toMatchObject({ amountCents: -2_550, reference: "lead-1" });
  });

  it("refuses a debit larger than the balance with insufficient_credits and changes nothing", async () => {
    const { org } = await createOrgWithUser(ctx, "broker_admin");
    await ctx.db.transaction((tx) => creditWallet(tx, { orgId: org.id, amountCents: 1_000, kind: "top_up", reference: "pay-1", now }));
    const attempt = ctx.db.transaction((tx) =>
      debitCredits(tx, { orgId: org.id, amountCents: 1_001, kind: "exclusive_sale", reference: "lead-9", now }),
    );
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({
      code: "insufficient_credits",
      status: 402,
      details: { requiredCents: 1_001, balanceCents: 1_000 },
    });
    // A brokerage that never topped up has no wallet row: same answer.
    const { org: empty } = await createOrgWithUser(ctx, "broker_admin");
    await expect(
      ctx.db.transaction((tx) => debitCredits(tx, { orgId: empty.id, amountCents: 1, kind: "exclusive_sale", reference: "x", now })),
    ).rejects.toMatchObject({ code: "insufficient_credits" });
    expect(await walletBalance(ctx.db, org.id)).toBe(1_000);
    expect(await ledgerSum(org.id)).toBe(1_000);
  });

  it("moves credits once per kind and reference: a sale debited twice fails and rolls back", async () => {
    const { org } = await createOrgWithUser(ctx, "broker_admin");
    await ctx.db.transaction((tx) => creditWallet(tx, { orgId: org.id, amountCents: 5_000, kind: "top_up", reference: "pay-1", now }));
    await ctx.db.transaction((tx) =>
      debitCredits(tx, { orgId: org.id, amountCents: 1_000, kind: "exclusive_sale", reference: "lead-1", now }),
    );
    await expect(
      ctx.db.transaction((tx) => debitCredits(tx, { orgId: org.id, amountCents: 1_000, kind: "exclusive_sale", reference: "lead-1", now })),
    ).rejects.toThrow();
    expect(await walletBalance(ctx.db, org.id)).toBe(4_000);
  });

  it("refuses amounts that are not positive whole cents, and a debit of a credit-only kind", async () => {
    const { org } = await createOrgWithUser(ctx, "broker_admin");
    for (const amountCents of [0, -5, 1.5])
      await expect(
        ctx.db.transaction((tx) => creditWallet(tx, { orgId: org.id, amountCents, kind: "top_up", reference: `r${amountCents}`, now })),
      ).rejects.toMatchObject({ code: "validation_error", field: "amountCents" });
    await expect(
      ctx.db.transaction((tx) => debitCredits(tx, { orgId: org.id, amountCents: 1, kind: "top_up", reference: "r", now })),
    ).rejects.toMatchObject({ code: "validation_error", field: "kind" });
  });

  it("the database itself refuses a negative balance", async () => {
    const { org } = await createOrgWithUser(ctx, "broker_admin");
    await ctx.db.transaction((tx) => creditWallet(tx, { orgId: org.id, amountCents: 100, kind: "top_up", reference: "p", now }));
    await expect(ctx.db.execute(sql`update wallets set balance_cents = -1 where org_id = ${org.id}`)).rejects.toThrow();
  });

  it("ledger rows can be neither changed nor deleted, even by the tables' owner", async () => {
    const { org } = await createOrgWithUser(ctx, "broker_admin");
    await ctx.db.transaction((tx) => creditWallet(tx, { orgId: org.id, amountCents: 100, kind: "top_up", reference: "p", now }));
    await expect(ctx.owner.execute(sql`update ledger_entries set amount_cents = 1000000 where org_id = ${org.id}`)).rejects.toThrow();
    await expect(ctx.owner.execute(sql`delete from ledger_entries where org_id = ${org.id}`)).rejects.toThrow();
    expect(await ledgerSum(org.id)).toBe(100);
  });

  it("the verifier finds a movement written without the application, and a balance that is not the ledger's sum", async () => {
    const { org } = await createOrgWithUser(ctx, "broker_admin");
    await ctx.db.transaction((tx) => creditWallet(tx, { orgId: org.id, amountCents: 500, kind: "top_up", reference: "p", now }));
    const mine = (await verifyLedger(ctx.db)).filter((p) => p.orgId === org.id);
    expect(mine).toEqual([]);
    // Someone with database access adds credits by hand: a ledger row with no signed event, and the balance.
    await ctx.owner.execute(sql`insert into ledger_entries (org_id, kind, amount_cents, balance_after_cents, reference, description, created_at)
      values (${org.id}, 'adjustment', 100000, 100500, 'manual', 'ajout manuel', now())`);
    await ctx.owner.execute(sql`update wallets set balance_cents = 200000 where org_id = ${org.id}`);
    const found = (await verifyLedger(ctx.db)).filter((p) => p.orgId === org.id).map((p) => p.kind);
    expect(found.sort()).toEqual(["balance_differs_from_ledger", "movement_without_event"]);
  });

  it.runIf(process.env.DATABASE_URL)(
    "on PostgreSQL, 60 parallel debits from parallel clients never overdraw and the ledger sums exactly",
    async () => {
      const { org } = await createOrgWithUser(ctx, "broker_admin");
      // 25,00 € for 60 debits of 1,00 €: exactly 25 can succeed.
      await ctx.db.transaction((tx) => creditWallet(tx, { orgId: org.id, amountCents: 2_500, kind: "top_up", reference: "pay", now }));
      const results = await Promise.allSettled(
        Array.from({ length: 60 }, (_, i) =>
          ctx.db.transaction(async (tx) => {
            const row = await debitCredits(tx, {
              orgId: org.id,
              amountCents: 100,
              kind: "marketplace_purchase",
              reference: `lead-${i}`,
              now,
            });
            // Hold the row lock a moment so the others really queue behind it.
            await tx.execute(sql`select pg_sleep(0.005)`);
            return row;
          }),
        ),
      );
      const ok = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter((r) => r.status === "rejected");
      expect(ok).toHaveLength(25);
      expect(refused.every((r) => (r.reason as AppError).code === "insufficient_credits")).toBe(true);
      expect(await walletBalance(ctx.db, org.id)).toBe(0);
      expect(await ledgerSum(org.id)).toBe(0);
      // Each success saw a different balance: 2400, 2300 … 0.
      const after = ok
        .map((r) => (r as PromiseFulfilledResult<{ balanceAfterCents: number }>).value.balanceAfterCents)
        .sort((a, b) => a - b);
      expect(after).toEqual(Array.from({ length: 25 }, (_, i) => i * 100));
    },
  );

  it.runIf(process.env.DATABASE_URL)("on PostgreSQL, parallel top-ups and debits leave balance = sum of the ledger", async () => {
    const { org } = await createOrgWithUser(ctx, "broker_admin");
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        ctx.db
          .transaction((tx) =>
            i % 2 === 0
              ? creditWallet(tx, { orgId: org.id, amountCents: 300, kind: "top_up", reference: `p${i}`, now })
              : debitCredits(tx, { orgId: org.id, amountCents: 200, kind: "exclusive_sale", reference: `l${i}`, now }),
          )
          .catch((e: AppError) => {
            if (e.code !== "insufficient_credits") throw e;
          }),
      ),
    );
    const balance = await walletBalance(ctx.db, org.id);
    expect(balance).toBeGreaterThanOrEqual(0);
    expect(await ledgerSum(org.id)).toBe(balance);
  });
});
