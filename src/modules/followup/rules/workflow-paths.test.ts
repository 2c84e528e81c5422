import { describe, expect, it } from "vitest";
import { BREAKER_NAMES, contextFor, passing } from "../../../../tests/factories/workflow-fixtures";
import {
  canTransition,
  FOLLOWUP_EVENTS,
  FOLLOWUP_STATES,
  type FollowupEvent,
  type FollowupGuardContext,
  type FollowupState,
  findTransition,
  type OverrideRequest,
} from "./workflow";

/** Every subset of broken guards: all pass, all fail, and every mix in between. */
const CONTEXTS = Array.from({ length: 2 ** BREAKER_NAMES.length }, (_, mask) => BREAKER_NAMES.filter((_, bit) => mask & (1 << bit)));

const OVERRIDES: (OverrideRequest | undefined)[] = [
  undefined,
  { role: "agent", reason: "client pressé" },
  { role: "broker_admin", reason: "" },
  { role: "broker_admin", reason: "client pressé, validation faite hors appel" },
];

const MAX_DEPTH = 10;

/**
 * Depth-first over every event sequence of length ≤ MAX_DEPTH from `preparation`. A refused event
 * leaves the state unchanged (canTransition is pure), so a sequence containing refusals reaches
 * the same path as the sequence without them: exploring accepted events exhaustively, while
 * asserting every refusal, covers all 8^n sequences.
 */
function explore(ctx: FollowupGuardContext, override: OverrideRequest | undefined) {
  const paths: FollowupState[][] = [];
  let refusedNonTable = 0;
  const walk = (path: FollowupState[], depth: number) => {
    paths.push(path);
    if (depth === MAX_DEPTH) return;
    const state = path[path.length - 1] as FollowupState;
    for (const event of FOLLOWUP_EVENTS) {
      const result = canTransition(state, event, ctx, override);
      const inTable = findTransition(state, event);
      if (!inTable) {
        expect(result).toMatchObject({ ok: false, code: "transition_not_allowed" });
        refusedNonTable++;
        continue;
      }
      if (result.ok) {
        expect(result.to).toBe(inTable.to);
        walk([...path, result.to], depth + 1);
      }
    }
  };
  walk(["preparation"], 0);
  return { paths, refusedNonTable };
}

describe("generated paths", () => {
  it("never reaches commercial_rebound without both admin steps, whatever the guards and overrides", () => {
    let explored = 0;
    let reachedRebound = 0;
    for (const broken of CONTEXTS) {
      const ctx = contextFor(broken);
      for (const override of OVERRIDES) {
        const { paths, refusedNonTable } = explore(ctx, override);
        explored += paths.length;
        expect(refusedNonTable).toBeGreaterThan(0);
        for (const path of paths) {
          path.forEach((state, i) => {
            if (state !== "commercial_rebound") return;
            reachedRebound++;
            expect(path.slice(i - 3, i)).toEqual(["contact_attempt", "admin_profile_update", "admin_contract_validation"]);
          });
        }
      }
    }
    expect(explored).toBeGreaterThan(1000);
    expect(reachedRebound).toBeGreaterThan(0);
  });

  it("reaches closed when every guard passes, and stays at admin_profile_update when the profile is incomplete", () => {
    const happy = explore(passing(), undefined).paths;
    expect(happy.some((p) => p[p.length - 1] === "closed")).toBe(true);
    const blocked = explore(contextFor(["profile"]), undefined).paths;
    expect(blocked.some((p) => p.includes("admin_contract_validation"))).toBe(false);
    const forced = explore(contextFor(["profile"]), OVERRIDES[3]).paths;
    expect(forced.some((p) => p[p.length - 1] === "closed")).toBe(true);
  });

  it("refuses every event outside the table, from every state", () => {
    for (const state of FOLLOWUP_STATES) {
      for (const event of FOLLOWUP_EVENTS) {
        if (findTransition(state, event)) continue;
        for (const override of OVERRIDES) {
          const result = canTransition(state, event, passing(), override);
          expect(result).toMatchObject({ ok: false, code: "transition_not_allowed", missing: [] });
          if (!result.ok) expect(result.message).toMatch(/impossible/);
        }
      }
    }
    expect(canTransition("preparation", "teleport" as FollowupEvent, passing())).toMatchObject({
      ok: false,
      code: "transition_not_allowed",
    });
  });
});
