import { eq } from "drizzle-orm";
import { addToIsoDate, parisMonth, parisToday } from "../../src/modules/catalogue/rules/dates";
import { cohortWindow } from "../../src/modules/followup/campaign/months";
import { runCampaign } from "../../src/modules/followup/campaign/run-campaign";
import { followups } from "../../src/modules/followup/schema";
import { type BrokerFixture, insertClient, insertContract } from "../factories/followup";
import { clockAt } from "./clock";
import { asUser, type Session, type TestContext } from "./test-app";

// Test-only: call the follow-up API as a given user, and create a follow-up the way the campaign does.

export function followupApi(ctx: TestContext) {
  const call = async (session: Session, method: "GET" | "POST" | "PUT", url: string, payload?: object) => {
    const res = await ctx.app.inject({ method, url, headers: asUser(session), payload });
    return { status: res.statusCode, body: res.json() };
  };
  return {
    call,
    view: (s: Session, id: string) => call(s, "GET", `/api/v1/followups/${id}`),
    fire: async (s: Session, id: string, event: string, extra: object = {}) => {
      const { body } = await call(s, "GET", `/api/v1/followups/${id}`);
      return call(s, "POST", `/api/v1/followups/${id}/transitions`, { event, expectedVersion: body.version, ...extra });
    },
  };
}

/**
 * The follow-up API tests run on 30 November 2026 at 9:30 in Paris (the day a test that built its
 * dates from the wall clock broke), on a clock that runs from there.
 */
export const followupTestClock = () => clockAt("2026-11-30T09:30:00+01:00");

/** `n` Paris days after the app's today, as yyyy-mm-dd. */
export const parisDaysFrom = (ctx: TestContext, n: number) => addToIsoDate(parisToday(ctx.clock()), 0, n);

/** A day inside the cohort of the campaign of `now`'s month (first contracts of M-3). */
export function cohortDay(now: Date, day = 10): string {
  return `${cohortWindow(parisMonth(now)).from.slice(0, 8)}${String(day).padStart(2, "0")}`;
}

/** A client of the account manager with a first contract sold by the manager, and its follow-up. */
export async function newFollowup(
  ctx: TestContext,
  fx: BrokerFixture,
  opts: { client?: Parameters<typeof insertClient>[2]; contracts?: Parameters<typeof insertContract>[3][] } = {},
) {
  const client = await insertClient(ctx, fx.orgId, { agencyId: fx.agencyId, accountManagerId: fx.agent.id, ...opts.client });
  const contractRows = [];
  for (const c of opts.contracts ?? [{}]) {
    contractRows.push(
      await insertContract(ctx, fx.orgId, client.id, {
        startDate: cohortDay(ctx.clock()),
        sellerId: fx.admin.id,
        documentsProvided: ["cni"],
        ...c,
      }),
    );
  }
  await runCampaign(ctx.db, { orgId: fx.orgId, month: parisMonth(ctx.clock()) });
  const [row] = await ctx.db.select().from(followups).where(eq(followups.clientId, client.id));
  if (!row) throw new Error("the campaign did not create the follow-up");
  return { id: row.id, client, contracts: contractRows };
}
