import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerFixture, brokerFixture } from "../../../../tests/factories/followup";
import { followupApi, followupTestClock, newFollowup } from "../../../../tests/support/followup-api";
import { createTestApp, type Session, type TestContext } from "../../../../tests/support/test-app";
import { auditEvents } from "../../audit/schema";
import { FOLLOWUP_EVENTS, FOLLOWUP_STATES, type FollowupState, findTransition } from "../rules/workflow";
import { followupSteps, followups } from "../schema";

let ctx: TestContext;
let fx: BrokerFixture;
let api: ReturnType<typeof followupApi>;
beforeAll(async () => {
  ctx = await createTestApp({}, { clock: followupTestClock() });
  fx = await brokerFixture(ctx);
  api = followupApi(ctx);
});
afterAll(() => ctx.close());

async function moveTo(id: string, state: FollowupState) {
  // Test setup only: puts the follow-up in a given state to probe the refusals from there.
  await ctx.db.execute(sql`update followups set state = ${state} where id = ${id}`);
}

describe("transitions outside the table", () => {
  it("are refused from every state with 409 transition_refused and change nothing", async () => {
    const { id } = await newFollowup(ctx, fx);
    let refused = 0;
    for (const state of FOLLOWUP_STATES) {
      await moveTo(id, state);
      for (const event of [...FOLLOWUP_EVENTS, "teleport"]) {
        if (findTransition(state, event)) continue;
        const res = await api.fire(fx.admin.session, id, event, { override: { reason: "je force" } });
        expect(res.status, `${state} --${event}-->`).toBe(409);
        expect(res.body.error).toMatchObject({ code: "transition_refused", details: { code: "transition_not_allowed", missing: [] } });
        expect(res.body.error.message).toMatch(/impossible à l'étape/);
        refused++;
      }
    }
    expect(refused).toBe(FOLLOWUP_STATES.length * (FOLLOWUP_EVENTS.length + 1) - FOLLOWUP_EVENTS.length);
    const steps = await ctx.db.select().from(followupSteps).where(eq(followupSteps.followupId, id));
    expect(steps.map((s) => s.kind)).toEqual(["created"]);
  });
});

describe("overrides", () => {
  it("only a broker_admin with a reason lifts a guard; the reason goes to the journal and the audit log", async () => {
    const { id } = await newFollowup(ctx, fx);
    await api.fire(fx.agent.session, id, "start_call");
    await api.fire(fx.agent.session, id, "client_available");

    const byAgent = await api.fire(fx.agent.session, id, "profile_done", { override: { reason: "client pressé" } });
    expect(byAgent.status).toBe(409);
    expect(byAgent.body.error).toMatchObject({ details: { code: "override_not_permitted" } });
    expect(byAgent.body.error.message).toBe("Seul un responsable d'agence peut forcer le passage à l'étape suivante.");
    const noReason = await api.fire(fx.admin.session, id, "profile_done", { override: { reason: "  " } });
    expect(noReason.body.error.details).toEqual({
      code: "override_reason_required",
      missing: ["reason"],
      missingLabels: ["Motif du forçage"],
    });

    const forced = await api.fire(fx.admin.session, id, "profile_done", { override: { reason: "Fiche revue hors appel avec le client" } });
    expect(forced).toMatchObject({ status: 200, body: { state: "admin_contract_validation", overridden: true } });
    const [step] = await ctx.db
      .select()
      .from(followupSteps)
      .where(and(eq(followupSteps.followupId, id), eq(followupSteps.toState, "admin_contract_validation")));
    expect(step).toMatchObject({
      userId: fx.admin.id,
      overrideReason: "Fiche revue hors appel avec le client",
      data: { liftedGuards: ["guard_profile_incomplete"] },
    });
    const audit = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "followup.transition_forced")));
    expect(audit).toEqual([
      expect.objectContaining({
        userId: fx.admin.id,
        data: expect.objectContaining({ reason: "Fiche revue hors appel avec le client", from: "admin_profile_update" }),
      }),
    ]);
  });

  it("cannot force a callback without its date, even as a manager", async () => {
    const { id } = await newFollowup(ctx, fx);
    await api.fire(fx.admin.session, id, "start_call");
    const res = await api.fire(fx.admin.session, id, "client_unavailable", { override: { reason: "pas de date" } });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/ne peut pas être forcé/);
  });
});

/** Deterministic pseudo-random numbers, so a failing walk can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("generated paths through the API", () => {
  it("never reach commercial_rebound without contact, profile and contract steps, whatever the events, data and overrides", async () => {
    const rand = prng(20260301);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
    const actors: { session: Session; override?: string }[] = [
      { session: fx.agent.session },
      { session: fx.agent.session, override: "je force" },
      { session: fx.admin.session },
      { session: fx.admin.session, override: "" },
      { session: fx.admin.session, override: "validation faite hors appel" },
      { session: fx.admin.session, override: "validation faite hors appel" },
    ];
    const current = async (id: string) => {
      const [row] = await ctx.db.select({ state: followups.state, version: followups.version }).from(followups).where(eq(followups.id, id));
      return row as { state: FollowupState; version: number };
    };
    let accepted = 0;
    let refused = 0;
    let reachedRebound = 0;
    for (let walk = 0; walk < 20; walk++) {
      const { id, contracts } = await newFollowup(ctx, fx);
      for (let move = 0; move < 14; move++) {
        const actor = pick(actors);
        // Sometimes record data first, so some guards pass on their own and others do not.
        if (rand() < 0.3)
          await api.call(actor.session, "PUT", `/api/v1/followups/${id}/rebound`, { noOtherInsurer: true, retainedGaps: ["gav"] });
        if (rand() < 0.3)
          await api.call(actor.session, "POST", `/api/v1/followups/${id}/contract-validations`, {
            contractId: contracts[0]?.id,
            status: "signed",
          });
        const before = await current(id);
        // Half the time an event of the current step (so walks get far), otherwise any event at all.
        const fromHere = FOLLOWUP_EVENTS.filter((e) => findTransition(before.state, e));
        const event = rand() < 0.5 && fromHere.length > 0 ? pick(fromHere) : pick([...FOLLOWUP_EVENTS, "teleport"]);
        const extra = {
          ...(actor.override !== undefined ? { override: { reason: actor.override } } : {}),
          ...(rand() < 0.5 ? { callbackAt: new Date(ctx.clock().getTime() + 86_400_000).toISOString() } : {}),
        };
        const res = await api.call(actor.session, "POST", `/api/v1/followups/${id}/transitions`, {
          event,
          expectedVersion: before.version,
          ...extra,
        });
        if (res.status === 200) {
          accepted++;
          expect(findTransition(before.state, event)?.to).toBe(res.body.state);
        } else {
          refused++;
          expect(res.status).toBe(409);
          expect((await current(id)).state).toBe(before.state);
        }
      }
      const steps = await ctx.db
        .select()
        .from(followupSteps)
        .where(and(eq(followupSteps.followupId, id), eq(followupSteps.kind, "transition")))
        .orderBy(followupSteps.id);
      const path = ["preparation", ...steps.map((s) => s.toState as string)];
      for (const [i, s] of steps.entries()) expect(s.fromState, `walk ${walk}`).toBe(path[i]);
      path.forEach((state, i) => {
        if (state !== "commercial_rebound") return;
        reachedRebound++;
        expect(path.slice(i - 3, i), `walk ${walk}: ${path.join(" > ")}`).toEqual([
          "contact_attempt",
          "admin_profile_update",
          "admin_contract_validation",
        ]);
      });
      const [row] = await ctx.db.select({ state: followups.state }).from(followups).where(eq(followups.id, id));
      expect(row?.state).toBe(path.at(-1));
    }
    expect(accepted).toBeGreaterThan(60);
    expect(refused).toBeGreaterThan(100);
    expect(reachedRebound).toBeGreaterThan(0);
    // Some 600 API calls: 3 s on a quiet machine, over 30 s on a loaded one.
  }, 120_000);
});
