import { describe, expect, it } from "vitest";
import { blockOf, isBlockOpen, recordingOpenIn } from "./call-screen";
import { FOLLOWUP_STATES } from "./workflow";

describe("the call screen's table", () => {
  it("opens each recording from its step until the call is closed", () => {
    expect(recordingOpenIn("tns")).toEqual(FOLLOWUP_STATES.filter((s) => s !== "closed"));
    expect(recordingOpenIn("contactCard")).toEqual([
      "contact_attempt",
      "scheduled_callback",
      "admin_profile_update",
      "admin_contract_validation",
      "commercial_rebound",
      "action_plan",
    ]);
    expect(recordingOpenIn("checklist")).toEqual([
      "admin_profile_update",
      "admin_contract_validation",
      "commercial_rebound",
      "action_plan",
    ]);
    expect(recordingOpenIn("contracts")).toEqual(["admin_contract_validation", "commercial_rebound", "action_plan"]);
    expect(recordingOpenIn("rebound")).toEqual(["commercial_rebound", "action_plan"]);
    expect(recordingOpenIn("actionPlan")).toEqual(["action_plan"]);
  });

  it("puts each step in one block of the screen, a callback with the conduct of the call", () => {
    expect(Object.fromEntries(FOLLOWUP_STATES.map((s) => [s, blockOf(s)]))).toEqual({
      preparation: "preparation",
      contact_attempt: "conduite",
      scheduled_callback: "conduite",
      admin_profile_update: "conduite",
      admin_contract_validation: "conduite",
      commercial_rebound: "rebond",
      action_plan: "plan",
      closed: "plan",
    });
  });

  it("keeps the commercial part shut until both admin steps are done, and open once closed", () => {
    expect(isBlockOpen("rebond", "admin_contract_validation")).toBe(false);
    expect(isBlockOpen("rebond", "commercial_rebound")).toBe(true);
    expect(isBlockOpen("conduite", "preparation")).toBe(false);
    expect(isBlockOpen("conduite", "scheduled_callback")).toBe(true);
    expect(isBlockOpen("plan", "closed")).toBe(true);
  });
});
