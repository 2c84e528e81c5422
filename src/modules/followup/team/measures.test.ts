import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerFixture, brokerFixture, insertClient, insertContract } from "../../../../tests/factories/followup";
import { followupTestClock } from "../../../../tests/support/followup-api";
import { asUser, createTestApp, type TestContext } from "../../../../tests/support/test-app";
import { addToIsoDate, parisToday } from "../../catalogue/rules/dates";
import { contracts } from "../../crm/schema";
import { followupActions, followups } from "../schema";

const clock = followupTestClock();
let ctx: TestContext;
let fx: BrokerFixture;
beforeAll(async () => {
  ctx = await createTestApp({}, { clock });
  fx = await brokerFixture(ctx);
});
afterAll(() => ctx.close());

const today = parisToday(clock());

/** A follow-up as the measures see it: a client with `now` contracts of ours (plus one elsewhere), and its state. */
async function crafted(fields: Partial<typeof followups.$inferInsert> & { cohortMonth: string; contractsAtStart: number }, now: number) {
  const client = await insertClient(ctx, fx.orgId, { agencyId: fields.agencyId ?? null });
  const [row] = await ctx.db
    .insert(followups)
    .values({ orgId: fx.orgId, clientId: client.id, firstContractStart: "2026-01-10", ...fields })
    .returning();
  // Contracts after the follow-up: the triggers count them into contracts_now, as when the CRM adds one.
  for (let i = 0; i < now; i++)
    await insertContract(ctx, fx.orgId, client.id, { startDate: "2026-01-10", productLine: i === 0 ? "auto" : "habitation" });
  await insertContract(ctx, fx.orgId, client.id, { isOurs: false, productLine: "sante", startDate: null });
  return row as typeof followups.$inferSelect;
}

async function act(
  f: typeof followups.$inferSelect,
  kind: "quote" | "appointment" | "follow_up",
  dueInDays: number,
  status: "open" | "done" = "open",
) {
  await ctx.db.insert(followupActions).values({
    orgId: fx.orgId,
    followupId: f.id,
    clientId: f.clientId,
    kind,
    dueDate: addToIsoDate(today, 0, dueInDays),
    ownerId: fx.agent.id,
    status,
    origin: kind === "follow_up" ? "callback" : "action_plan",
  });
}

describe("contracts now", () => {
  it("follows every insert, move, requalification and deletion of a contract, one statement at a time", async () => {
    const f = await crafted({ cohortMonth: "2024-01-01", contractsAtStart: 1 }, 1);
    const now = async () => (await ctx.db.select({ n: followups.contractsNow }).from(followups).where(eq(followups.id, f.id)))[0]?.n;
    expect(await now()).toBe(1);
    const [a, b] = await ctx.db
      .insert(contracts)
      .values([
        { orgId: fx.orgId, clientId: f.clientId, productLine: "gav", startDate: "2024-02-01" },
        { orgId: fx.orgId, clientId: f.clientId, productLine: "per", startDate: "2024-02-01" },
      ])
      .returning();
    expect(await now()).toBe(3);
    await ctx.db
      .update(contracts)
      .set({ isOurs: false })
      .where(eq(contracts.id, a?.id as string));
    expect(await now()).toBe(2);
    const other = await insertClient(ctx, fx.orgId);
    await ctx.db
      .update(contracts)
      .set({ clientId: other.id })
      .where(eq(contracts.id, b?.id as string));
    expect(await now()).toBe(1);
    await ctx.db.update(contracts).set({ dpSigned: false }).where(eq(contracts.clientId, f.clientId));
    expect(await now()).toBe(1);
    await ctx.db.delete(contracts).where(eq(contracts.clientId, f.clientId));
    expect(await now()).toBe(0);
  });
});

describe("action groups", () => {
  it("an action carries its follow-up's month, agency and assignee, and follows a reassignment", async () => {
    const f = await crafted({ cohortMonth: "2024-02-01", agencyId: fx.agencyId, assignedTo: fx.agent.id, contractsAtStart: 1 }, 1);
    await act(f, "quote", 3);
    const groups = async () =>
      (await ctx.db.select().from(followupActions).where(eq(followupActions.followupId, f.id))).map((a) => [
        a.followupCohortMonth,
        a.followupAgencyId,
        a.followupAssigneeId,
      ]);
    expect(await groups()).toEqual([["2024-02-01", fx.agencyId, fx.agent.id]]);
    await ctx.db.update(followups).set({ assignedTo: fx.proAgent.id, agencyId: fx.otherAgencyId }).where(eq(followups.id, f.id));
    expect(await groups()).toEqual([["2024-02-01", fx.otherAgencyId, fx.proAgent.id]]);
  });
});

describe("M+3 measures", () => {
  it("counts per month, agency and account manager on a crafted dataset", async () => {
    const reached = new Date("2026-04-12T09:00:00Z");
    const gaps = (n: number) => ({ noOtherInsurer: true, retainedGaps: (["gav", "per", "obseques"] as const).slice(0, n) });
    const april = "2026-04-01";
    const f1 = await crafted(
      {
        cohortMonth: april,
        agencyId: fx.agencyId,
        assignedTo: fx.agent.id,
        state: "closed",
        reachedAt: reached,
        recordQualified: true,
        contractsAtStart: 1,
        rebound: gaps(2),
        retainedGaps: 2,
      },
      3,
    );
    await act(f1, "quote", -2);
    await act(f1, "appointment", -5, "done");
    await crafted({ cohortMonth: april, agencyId: fx.agencyId, assignedTo: fx.agent.id, contractsAtStart: 2 }, 2);
    const f3 = await crafted(
      {
        cohortMonth: april,
        agencyId: fx.otherAgencyId,
        assignedTo: fx.proAgent.id,
        state: "action_plan",
        reachedAt: reached,
        contractsAtStart: 1,
        rebound: gaps(1),
        retainedGaps: 1,
      },
      1,
    );
    await act(f3, "quote", 4);
    const f4 = await crafted(
      { cohortMonth: "2026-05-01", agencyId: fx.otherAgencyId, state: "scheduled_callback", contractsAtStart: 1 },
      2,
    );
    await act(f4, "follow_up", -1);
    await crafted({ cohortMonth: "2025-11-01", agencyId: fx.agencyId, assignedTo: fx.agent.id, contractsAtStart: 1 }, 1);

    const res = await ctx.app.inject({
      method: "GET",
      url: "/api/v1/followups/measures?from=2026-01&to=2026-12",
      headers: asUser(fx.agent.session),
    });
    expect(res.statusCode).toBe(200);
    const m = res.json();
    expect(m).toMatchObject({ from: "2026-01", to: "2026-12" });
    expect(m.total).toEqual({
      key: null,
      label: "Total",
      due: 4,
      notStarted: 1,
      inProgress: 2,
      closed: 1,
      reached: 2,
      qualified: 1,
      contractsBefore: 1.25,
      contractsNow: 2,
      multi2Before: 0.25,
      multi3Before: 0,
      multi2Now: 0.75,
      multi3Now: 0.25,
      opportunities: 3,
      quotes: 2,
      overdueActions: 2,
    });
    expect(
      m.byMonth.map((r: { key: string; due: number; closed: number; contractsNow: number }) => [r.key, r.due, r.closed, r.contractsNow]),
    ).toEqual([
      ["2026-04", 3, 1, 2],
      ["2026-05", 1, 0, 2],
    ]);
    expect(
      m.byAgency.map((r: { label: string; due: number; reached: number; quotes: number }) => [r.label, r.due, r.reached, r.quotes]),
    ).toEqual([
      ["Corniche", 2, 1, 1],
      ["Rouvière", 2, 1, 1],
    ]);
    expect(m.byManager.map((r: { label: string; due: number; overdueActions: number }) => [r.label, r.due, r.overdueActions])).toEqual([
      ["Jocelyne Martin", 2, 1],
      ["Non attribué", 1, 1],
      ["Paul Pro", 1, 0],
    ]);
    const defaultWindow = (
      await ctx.app.inject({ method: "GET", url: "/api/v1/followups/measures", headers: asUser(fx.agent.session) })
    ).json();
    expect(defaultWindow.to).toBe(today.slice(0, 7));
  });
});
