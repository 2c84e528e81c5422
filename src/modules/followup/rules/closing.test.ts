import { describe, expect, it } from "vitest";
import { CLOSING_CRITERIA, closingCriteriaMissing, closingCriteriaUnmet, isVictory } from "./closing";
import { actionPlanMissing, isInventoryRecorded, isIsoDate, linesHeldElsewhere, retainedGapCount } from "./model";

describe("closing criteria", () => {
  it("are the four victory criteria of spec 003", () => {
    expect(CLOSING_CRITERIA.map((c) => c.key)).toEqual([
      "dedicated_contact_known",
      "contact_card_sent",
      "record_fully_qualified",
      "risk_zones_aware",
    ]);
    expect(CLOSING_CRITERIA[1].label).toMatch(/vCard par e-mail ou SMS/);
  });

  it("missing = not answered; a vCard marked sent needs its channel", () => {
    expect(closingCriteriaMissing(undefined)).toHaveLength(4);
    expect(closingCriteriaMissing({ dedicatedContactKnown: true, riskZonesAware: false })).toEqual([
      "contact_card_sent",
      "record_fully_qualified",
    ]);
    const answered = { dedicatedContactKnown: true, contactCardSent: true, recordFullyQualified: true, riskZonesAware: true };
    expect(closingCriteriaMissing(answered)).toEqual(["contact_card_sent"]);
    expect(closingCriteriaMissing({ ...answered, contactCardChannel: "email" })).toEqual([]);
    expect(closingCriteriaMissing({ ...answered, contactCardSent: false })).toEqual([]);
  });

  it("victory only when all four are met", () => {
    const all = {
      dedicatedContactKnown: true,
      contactCardSent: true,
      contactCardChannel: "sms" as const,
      recordFullyQualified: true,
      riskZonesAware: true,
    };
    expect(isVictory(all)).toBe(true);
    expect(isVictory({ ...all, riskZonesAware: false })).toBe(false);
    expect(closingCriteriaUnmet({ ...all, riskZonesAware: false })).toEqual(["risk_zones_aware"]);
    expect(isVictory({})).toBe(false);
  });
});

describe("rebound and action plan records", () => {
  it("inventory is recorded by an external contract or by 'aucun autre assureur'", () => {
    expect(isInventoryRecorded({ noOtherInsurer: true })).toBe(true);
    expect(isInventoryRecorded({ lines: [{ productLine: "auto", answer: "elsewhere" }] })).toBe(true);
    expect(isInventoryRecorded({ lines: [{ productLine: "auto", answer: "to_explore" }] })).toBe(false);
    expect(isInventoryRecorded(undefined)).toBe(false);
    expect(
      linesHeldElsewhere({
        lines: [
          { productLine: "auto", answer: "elsewhere" },
          { productLine: "auto", answer: "elsewhere" },
          { productLine: "gav", answer: "not_covered" },
        ],
      }),
    ).toEqual(["auto"]);
    expect(retainedGapCount({ retainedGaps: ["gav", "gav", "per"] })).toBe(2);
  });

  it("action plan: dated and owned actions, or a reason for none", () => {
    expect(actionPlanMissing({ actions: [{ kind: "quote", dueDate: "2026-03-10", ownerId: "u1" }] })).toEqual([]);
    expect(actionPlanMissing({ noActionReason: "Client complet" })).toEqual([]);
    expect(actionPlanMissing(null)).toEqual(["actions"]);
    expect(
      actionPlanMissing({
        actions: [
          { kind: "quote", dueDate: "2026-03-10", ownerId: "u1" },
          { kind: "follow_up", dueDate: "2026-02-30", ownerId: " " },
        ],
      }),
    ).toEqual(["actions[1].dueDate", "actions[1].ownerId"]);
  });

  it("validates calendar dates strictly", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-2-3")).toBe(false);
    expect(isIsoDate(undefined)).toBe(false);
  });
});
