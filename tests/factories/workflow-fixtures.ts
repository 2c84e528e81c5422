import { type ChecklistReviews, checklistFor } from "../../src/modules/crm/rules/checklist";
import type { ClientContract } from "../../src/modules/crm/rules/contract-compliance";
import type { FollowupGuardContext } from "../../src/modules/followup/rules/workflow";

// Test-only fixtures for the workflow tests: a context where every guard passes, and one breaker per guard.

export const NOW = new Date("2026-03-01T10:00:00Z");

export function allConfirmed(type: "particulier" | "professionnel" | "entreprise", isTns: boolean): ChecklistReviews {
  return Object.fromEntries(checklistFor(type, isTns).map((item) => [item.key, "confirmed"]));
}

const CONTRACTS: ClientContract[] = [
  { id: "c1", productLine: "auto", isOurs: true, dpSigned: true },
  { id: "x1", productLine: "habitation", isOurs: false },
];

export function passing(): FollowupGuardContext {
  return {
    client: { type: "particulier", isTns: false },
    checklistReviews: allConfirmed("particulier", false),
    contracts: CONTRACTS,
    contractValidations: [{ contractId: "c1", status: "signed" }],
    callbackAt: "2026-03-02T09:00:00Z",
    now: NOW,
    rebound: { noOtherInsurer: true, retainedGaps: ["protection_juridique", "gav"] },
    actionPlan: { actions: [{ kind: "quote", productLine: "gav", dueDate: "2026-03-10", ownerId: "u1" }] },
    closing: {
      dedicatedContactKnown: true,
      contactCardSent: true,
      contactCardChannel: "sms",
      recordFullyQualified: true,
      riskZonesAware: true,
    },
  };
}

/** Each toggle breaks exactly one guard. */
export const BREAKERS = {
  // An unreviewed record cannot be "100 % qualifiée": the criterion is answered non with it.
  profile: (c: FollowupGuardContext) => ({ ...c, checklistReviews: {}, closing: { ...c.closing, recordFullyQualified: false } }),
  contracts: (c: FollowupGuardContext) => ({ ...c, contractValidations: [] }),
  callback: (c: FollowupGuardContext) => ({ ...c, callbackAt: null }),
  inventory: (c: FollowupGuardContext) => ({ ...c, rebound: { ...c.rebound, noOtherInsurer: false, lines: [] } }),
  gaps: (c: FollowupGuardContext) => ({
    ...c,
    rebound: { ...c.rebound, retainedGaps: ["protection_juridique", "gav", "per", "obseques"] as const },
  }),
  actionPlan: (c: FollowupGuardContext) => ({ ...c, actionPlan: { actions: [] } }),
  closingCriteria: (c: FollowupGuardContext) => ({ ...c, closing: {} }),
} satisfies Record<string, (c: FollowupGuardContext) => FollowupGuardContext>;

export type Breaker = keyof typeof BREAKERS;
export const BREAKER_NAMES = Object.keys(BREAKERS) as Breaker[];

export function contextFor(broken: readonly Breaker[]): FollowupGuardContext {
  return broken.reduce((ctx, name) => BREAKERS[name](ctx), passing());
}
