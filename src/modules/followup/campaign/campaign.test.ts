import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerFixture, brokerFixture, insertClient, insertContract } from "../../../../tests/factories/followup";
import { followupTestClock } from "../../../../tests/support/followup-api";
import { asUser, createTestApp, type TestContext } from "../../../../tests/support/test-app";
import { auditEvents } from "../../audit/schema";
import { parisMonth } from "../../catalogue/rules/dates";
import { enqueueJobs, runDueJobs } from "../../jobs";
import { jobs } from "../../jobs/schema";
import { followupSteps, followups } from "../schema";
import { CAMPAIGN_JOB, followupJobHandlers, followupSchedule } from "./campaign-jobs";
import { runCampaign } from "./run-campaign";

let ctx: TestContext;
let fx: BrokerFixture;
beforeAll(async () => {
  ctx = await createTestApp({}, { clock: followupTestClock() });
  fx = await brokerFixture(ctx);
});
afterAll(() => ctx.close());

async function clientWith(
  orgId: string,
  starts: (string | { start: string; isOurs: boolean })[],
  fields: Parameters<typeof insertClient>[2] = {},
) {
  const client = await insertClient(ctx, orgId, { agencyId: fx.agencyId, accountManagerId: fx.agent.id, ...fields });
  for (const s of starts) {
    const { start, isOurs } = typeof s === "string" ? { start: s, isOurs: true } : s;
    await insertContract(ctx, orgId, client.id, { startDate: start, isOurs });
  }
  return client;
}

const followupOf = async (clientId: string) => (await ctx.db.select().from(followups).where(eq(followups.clientId, clientId)))[0];

describe("monthly campaign", () => {
  it("follows up, in June, exactly the clients whose first contract of ours started in March", async () => {
    const first = await clientWith(fx.orgId, ["2026-03-01", "2026-05-02", { start: "2026-01-01", isOurs: false }]);
    const last = await clientWith(fx.orgId, ["2026-03-31"]);
    const february = await clientWith(fx.orgId, ["2026-02-28"]);
    const april = await clientWith(fx.orgId, ["2026-04-01"]);
    const older = await clientWith(fx.orgId, ["2026-02-15", "2026-03-10"]);
    const elsewhereOnly = await clientWith(fx.orgId, [{ start: "2026-03-15", isOurs: false }]);

    const result = await runCampaign(ctx.db, { orgId: fx.orgId, month: "2026-06" });
    expect(result).toEqual({ month: "2026-06", cohortFrom: "2026-03-01", cohortTo: "2026-04-01", created: 2 });
    expect(await followupOf(first.id)).toMatchObject({
      cohortMonth: "2026-06-01",
      firstContractStart: "2026-03-01",
      contractsAtStart: 2,
      state: "preparation",
    });
    expect(await followupOf(last.id)).toMatchObject({ firstContractStart: "2026-03-31", contractsAtStart: 1 });
    for (const c of [february, april, older, elsewhereOnly]) expect(await followupOf(c.id)).toBeUndefined();

    const created = await followupOf(first.id);
    const steps = await ctx.db
      .select()
      .from(followupSteps)
      .where(eq(followupSteps.followupId, created?.id as string));
    expect(steps).toEqual([
      expect.objectContaining({ kind: "created", toState: "preparation", data: { cohortMonth: "2026-06-01", by: "campaign" } }),
    ]);
  });

  it("is idempotent, and picks up a client added to the cohort later", async () => {
    await clientWith(fx.orgId, ["2026-07-05"]);
    expect((await runCampaign(ctx.db, { orgId: fx.orgId, month: "2026-10" })).created).toBe(1);
    expect((await runCampaign(ctx.db, { orgId: fx.orgId, month: "2026-10" })).created).toBe(0);
    await clientWith(fx.orgId, ["2026-07-20"]);
    expect((await runCampaign(ctx.db, { orgId: fx.orgId, month: "2026-10" })).created).toBe(1);
    const [n] = await ctx.db.select({ n: count() }).from(followups).where(eq(followups.cohortMonth, "2026-10-01"));
    expect(n?.n).toBe(2);
    // A client already followed up is never followed up again, whatever the month asked.
    expect((await runCampaign(ctx.db, { orgId: fx.orgId, month: "2026-06" })).created).toBe(0);
  });

  it("assigns the account manager, else the agency's first member, else nobody", async () => {
    const managed = await clientWith(fx.orgId, ["2025-09-03"], { accountManagerId: fx.proAgent.id });
    const agencyOnly = await clientWith(fx.orgId, ["2025-09-04"], { accountManagerId: null });
    const orphan = await clientWith(fx.orgId, ["2025-09-05"], { accountManagerId: null, agencyId: null });
    expect((await runCampaign(ctx.db, { orgId: fx.orgId, month: "2025-12" })).created).toBe(3);
    expect(await followupOf(managed.id)).toMatchObject({ assignedTo: fx.proAgent.id, agencyId: fx.agencyId });
    expect(await followupOf(agencyOnly.id)).toMatchObject({ assignedTo: fx.admin.id, agencyId: fx.agencyId });
    expect(await followupOf(orphan.id)).toMatchObject({ assignedTo: null, agencyId: null });
  });

  it("only touches the organisation it runs for", async () => {
    const other = await brokerFixture(ctx);
    const theirs = await clientWith(other.orgId, ["2025-05-10"], { agencyId: other.agencyId, accountManagerId: other.agent.id });
    const ours = await clientWith(fx.orgId, ["2025-05-11"]);
    expect((await runCampaign(ctx.db, { orgId: fx.orgId, month: "2025-08" })).created).toBe(1);
    expect(await followupOf(ours.id)).toBeDefined();
    expect(await followupOf(theirs.id)).toBeUndefined();
  });

  it("runs on demand for a broker_admin only, never for a future month, and is audited", async () => {
    const post = (session: typeof fx.admin.session, payload: object) =>
      ctx.app.inject({ method: "POST", url: "/api/v1/followups/campaigns", headers: asUser(session), payload });
    expect((await post(fx.agent.session, {})).statusCode).toBe(403);
    const future = await post(fx.admin.session, { month: "2999-01" });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/ne peut pas être lancée avant le mois concerné/);
    const res = await post(fx.admin.session, { month: "2025-03" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ month: "2025-03", cohortFrom: "2024-12-01", cohortTo: "2025-01-01", created: 0 });
    const current = await post(fx.admin.session, {});
    expect(current.json().month).toBe(parisMonth(ctx.clock()));
    const audit = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "followup.campaign_run"), eq(auditEvents.orgId, fx.orgId)));
    expect(audit.map((a) => (a.data as { month: string }).month)).toEqual(["2025-03", parisMonth(ctx.clock())]);
  });
});

describe("schedule, read in Paris time", () => {
  it("queues June's campaign from 1 June 00:00 in Paris, which is 31 May 22:00 UTC", () => {
    expect(followupSchedule(new Date("2026-05-31T21:59:00Z"))[0]).toMatchObject({ dedupeKey: "2026-05" });
    const june = followupSchedule(new Date("2026-05-31T22:00:00Z"));
    expect(june[0]).toEqual({
      kind: "followup.campaign",
      dedupeKey: "2026-06",
      payload: { month: "2026-06" },
      runAt: new Date("2026-05-31T22:00:00Z"),
    });
    expect(june[1]).toMatchObject({ kind: "followup.reminders", dedupeKey: "2026-06-01", runAt: new Date("2026-06-01T06:00:00Z") });
    // Winter time: 1 December 00:00 in Paris is 23:00 UTC the day before.
    expect(followupSchedule(new Date("2026-11-30T23:00:00Z"))[0]).toMatchObject({
      dedupeKey: "2026-12",
      runAt: new Date("2026-11-30T23:00:00Z"),
    });
  });

  it("the campaign job runs the month for every broker organisation", async () => {
    const [handler] = followupJobHandlers({});
    const c = await clientWith(fx.orgId, ["2024-01-15"]);
    const result = (await handler?.run({ month: "2024-04" }, { db: ctx.db, now: ctx.clock(), jobId: 0 })) as {
      orgs: Record<string, number>;
    };
    expect(result.orgs[fx.orgId]).toBe(1);
    expect(await followupOf(c.id)).toMatchObject({ cohortMonth: "2024-04-01" });
  });
});

describe("concurrent runners", () => {
  it.runIf(process.env.DATABASE_URL)("on PostgreSQL, three runners polling at once run the month's campaign job once", async () => {
    const org = await brokerFixture(ctx);
    for (let i = 0; i < 20; i++)
      await clientWith(org.orgId, [`2022-01-${String(i + 1).padStart(2, "0")}`], {
        agencyId: org.agencyId,
        accountManagerId: org.agent.id,
      });
    await enqueueJobs(ctx.db, [
      { kind: CAMPAIGN_JOB, dedupeKey: "2022-04", payload: { month: "2022-04" }, runAt: new Date("2022-03-31T22:00:00Z") },
    ]);
    const handlers = followupJobHandlers({});
    const ran = await Promise.all([1, 2, 3].map(() => runDueJobs(ctx.db, handlers, { now: ctx.clock })));
    expect(ran.reduce((a, b) => a + b, 0)).toBe(1);
    const [job] = await ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, CAMPAIGN_JOB), eq(jobs.dedupeKey, "2022-04")));
    expect(job).toMatchObject({ status: "done", attempts: 1 });
    expect(job?.result).toMatchObject({ month: "2022-04", orgs: { [org.orgId]: 20 } });
    const [n] = await ctx.db.select({ n: count() }).from(followups).where(eq(followups.orgId, org.orgId));
    expect(n?.n).toBe(20);
  });
});

describe("many clients at once", () => {
  it("creates a whole cohort in one statement, and parallel runs never create a follow-up twice", async () => {
    const org = await brokerFixture(ctx);
    await ctx.db.execute(sql`
      with made as (
        insert into clients (org_id, agency_id, account_manager_id, type, last_name)
        select ${org.orgId}, ${org.agencyId}, ${org.agent.id}, 'particulier', 'Client ' || g from generate_series(1, 3000) g
        returning id)
      insert into contracts (org_id, client_id, product_line, start_date)
      select ${org.orgId}, id, 'auto', date '2023-01-01' + (random() * 30)::int from made`);
    const runs = await Promise.all([1, 2, 3, 4].map(() => runCampaign(ctx.db, { orgId: org.orgId, month: "2023-04" })));
    expect(runs.reduce((n, r) => n + r.created, 0)).toBe(3000);
    const [n] = await ctx.db.select({ n: count() }).from(followups).where(eq(followups.orgId, org.orgId));
    expect(n?.n).toBe(3000);
  });
});
