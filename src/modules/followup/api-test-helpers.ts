import { eq } from "drizzle-orm";
import { asUser, type Session, type TestContext } from "../../../tests/support/test-app";
import { cohortWindow, parisMonth } from "./months";
import { runCampaign } from "./run-campaign";
import { followups } from "./schema";
import { type BrokerFixture, insertClient, insertContract } from "./test-support";

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

/** A day inside the cohort of this month's campaign (first contracts of M-3). */
export function cohortDay(now = new Date(), day = 10): string {
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
      await insertContract(ctx, fx.orgId, client.id, { startDate: cohortDay(), sellerId: fx.admin.id, documentsProvided: ["cni"], ...c }),
    );
  }
  await runCampaign(ctx.db, { orgId: fx.orgId, month: parisMonth(new Date()) });
  const [row] = await ctx.db.select().from(followups).where(eq(followups.clientId, client.id));
  if (!row) throw new Error("the campaign did not create the follow-up");
  return { id: row.id, client, contracts: contractRows };
}
