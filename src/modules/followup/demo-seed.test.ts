import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createBrokerWithAgent, createTestApp, type TestContext } from "../../../tests/support/test-app";
import { seedDemoCrm } from "../../seed/demo-crm";
import { seedDemoFollowups } from "../../seed/demo-followup";
import { followupActions, followups } from "./schema";
import { followupMeasures } from "./team/measures";

let ctx: TestContext;
let orgId: string;
let result: Awaited<ReturnType<typeof seedDemoFollowups>>;
const NOW = new Date("2026-11-21T10:00:00Z");

beforeAll(async () => {
  ctx = await createTestApp();
  const broker = await createBrokerWithAgent(ctx);
  orgId = broker.orgId;
  result = await ctx.db.transaction(async (tx) => {
    await seedDemoCrm(tx, { courtierOrgId: orgId, users: broker.users, password: "demo-password-1", now: NOW });
    return seedDemoFollowups(tx, { courtierOrgId: orgId, now: NOW });
  });
});
afterAll(() => ctx.close());

describe("demo follow-ups", () => {
  it("runs the campaigns of this month and the two before, and moves a few calls along", async () => {
    expect(Object.keys(result.created)).toEqual(["2026-09", "2026-10", "2026-11"]);
    expect(Object.values(result.created).every((n) => n > 10)).toBe(true);
    expect(result.moved).toEqual({ closed: 3, halfway: 1, callback: 1 });
    const rows = await ctx.db.select().from(followups).where(eq(followups.orgId, orgId));
    const byState = (s: string) => rows.filter((r) => r.state === s).length;
    expect(byState("closed")).toBe(3);
    expect(byState("commercial_rebound")).toBe(1);
    expect(byState("scheduled_callback")).toBe(1);
    expect(byState("preparation")).toBe(rows.length - 5);
    const actions = await ctx.db
      .select()
      .from(followupActions)
      .where(and(eq(followupActions.orgId, orgId), eq(followupActions.origin, "action_plan")));
    expect(actions).toHaveLength(4);
    const measures = await followupMeasures(ctx.db, orgId, { now: NOW });
    expect(measures.total).toMatchObject({ closed: 3, reached: 4, quotes: 2, overdueActions: 1 });
  });
});
