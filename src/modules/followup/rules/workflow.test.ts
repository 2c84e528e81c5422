import { describe, expect, it } from "vitest";
import { allConfirmed, BREAKER_NAMES, type Breaker, contextFor, NOW, passing } from "../../../../tests/factories/workflow-fixtures";
import {
  availableEvents,
  canOverride,
  canTransition,
  FOLLOWUP_STATES,
  type FollowupEvent,
  type FollowupGuardContext,
  type FollowupState,
  TRANSITIONS,
  type TransitionDefinition,
  workflowInvariantViolations,
} from "./workflow";

describe("transition table", () => {
  it("has exactly the states of spec 002 §5.1", () => {
    expect(FOLLOWUP_STATES).toEqual([
      "preparation",
      "contact_attempt",
      "scheduled_callback",
      "admin_profile_update",
      "admin_contract_validation",
      "commercial_rebound",
      "action_plan",
      "closed",
    ]);
  });

  it("has exactly the transitions of spec 002 §5.2 plus scheduled_callback -> contact_attempt", () => {
    const edges = TRANSITIONS.map((t) => `${t.from} -> ${t.to}`).sort();
    expect(edges).toEqual(
      [
        "preparation -> contact_attempt",
        "contact_attempt -> scheduled_callback",
        "contact_attempt -> admin_profile_update",
        "scheduled_callback -> contact_attempt",
        "admin_profile_update -> admin_contract_validation",
        "admin_contract_validation -> commercial_rebound",
        "commercial_rebound -> action_plan",
        "action_plan -> closed",
      ].sort(),
    );
    expect(new Set(TRANSITIONS.map((t) => t.event)).size).toBe(TRANSITIONS.length);
    for (const t of TRANSITIONS) expect(t.label).not.toBe("");
  });

  it("holds the admin-before-commercial invariant, and the checker catches a shortcut", () => {
    expect(workflowInvariantViolations()).toEqual([]);
    const shortcut: TransitionDefinition = {
      from: "contact_attempt",
      event: "jump",
      to: "commercial_rebound",
      label: "Raccourci",
    };
    expect(workflowInvariantViolations([...TRANSITIONS, shortcut])).toHaveLength(1);
  });
});

describe("guards", () => {
  const cases: [FollowupState, FollowupEvent, Breaker, string, string[]][] = [
    ["admin_profile_update", "profile_done", "profile", "guard_profile_incomplete", ["last_name", "first_name"]],
    ["admin_contract_validation", "contracts_done", "contracts", "guard_contracts_incomplete", ["c1"]],
    ["contact_attempt", "client_unavailable", "callback", "guard_callback_date_required", ["callbackAt"]],
    ["commercial_rebound", "rebound_done", "inventory", "guard_inventory_missing", ["inventory"]],
    ["commercial_rebound", "rebound_done", "gaps", "guard_too_many_gaps", ["retainedGaps"]],
    ["action_plan", "close", "actionPlan", "guard_action_plan_required", ["actions"]],
    ["action_plan", "close", "closingCriteria", "guard_closing_criteria_missing", ["dedicated_contact_known"]],
  ];

  it.each(cases)("%s --%s--> passes with data, fails without (%s)", (state, event, breaker, code, missing) => {
    expect(canTransition(state, event, passing()).ok).toBe(true);
    const result = canTransition(state, event, contextFor([breaker]));
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) {
      expect(result.missing).toEqual(expect.arrayContaining(missing));
      expect(result.message.length).toBeGreaterThan(10);
    }
  });

  it("unguarded transitions always pass", () => {
    const ctx = contextFor(BREAKER_NAMES);
    expect(canTransition("preparation", "start_call", ctx)).toEqual({ ok: true, to: "contact_attempt" });
    expect(canTransition("contact_attempt", "client_available", ctx)).toEqual({ ok: true, to: "admin_profile_update" });
    expect(canTransition("scheduled_callback", "callback_due", ctx)).toEqual({ ok: true, to: "contact_attempt" });
  });

  it("profile: Non communiqué closes an item but not the agency ones; a TNS particulier needs the pro items", () => {
    const reviews = { ...allConfirmed("particulier", false), email: "not_provided" as const };
    expect(canTransition("admin_profile_update", "profile_done", { ...passing(), checklistReviews: reviews }).ok).toBe(true);
    const agencyNotProvided = { ...reviews, agency: "not_provided" as const };
    const refused = canTransition("admin_profile_update", "profile_done", {
      ...passing(),
      checklistReviews: agencyNotProvided,
    });
    expect(refused).toMatchObject({ ok: false, missing: ["agency"] });
    const tns = { ...passing(), client: { type: "particulier" as const, isTns: true } };
    expect(canTransition("admin_profile_update", "profile_done", tns)).toMatchObject({
      ok: false,
      missing: ["siret", "naf_code", "legal_form", "activity", "annual_revenue", "headcount"],
      missingLabels: ["SIREN / SIRET", "Code NAF", "Forme juridique", "Activité exacte", "Chiffre d'affaires", "Effectif"],
    });
  });

  it("a detected TNS must be resolved before the rebound, at the profile step and again at the contracts step; no override", () => {
    const detected = { ...passing(), tns: { detected: true, resolved: false, reason: "Code NAF 43.99C sur une fiche particulier" } };
    const manager = { role: "broker_admin", reason: "on verra plus tard" };
    for (const [state, event] of [
      ["admin_profile_update", "profile_done"],
      ["admin_contract_validation", "contracts_done"],
    ] as const) {
      const refused = canTransition(state, event, detected);
      expect(refused).toMatchObject({ ok: false, code: "guard_tns_unresolved", missing: ["tns"] });
      if (!refused.ok) expect(refused.message).toContain("Code NAF 43.99C");
      expect(canTransition(state, event, detected, manager)).toMatchObject({ ok: false, code: "guard_tns_unresolved" });
      expect(canTransition(state, event, { ...detected, tns: { ...detected.tns, resolved: true } }).ok).toBe(true);
    }
  });

  it("closing: « fiche 100 % qualifiée » answered oui with a point left Non communiqué is refused, even forced", () => {
    const reviews = { ...allConfirmed("particulier", false), email: "not_provided" as const };
    const ctx = { ...passing(), checklistReviews: reviews };
    expect(canTransition("action_plan", "close", ctx)).toMatchObject({ ok: false, code: "guard_record_not_qualified" });
    expect(canTransition("action_plan", "close", ctx, { role: "broker_admin", reason: "oui quand même" })).toMatchObject({
      ok: false,
      code: "guard_record_not_qualified",
    });
    expect(canTransition("action_plan", "close", { ...ctx, closing: { ...ctx.closing, recordFullyQualified: false } }).ok).toBe(true);
  });

  it("contracts: a missing piece needs a recovery mode; contracts held elsewhere are ignored", () => {
    const withoutMode = {
      ...passing(),
      contractValidations: [
        { contractId: "c1", status: "missing_document" as const, missingItems: [{ kind: "document" as const, label: "Carte grise" }] },
      ],
    };
    expect(canTransition("admin_contract_validation", "contracts_done", withoutMode).ok).toBe(false);
    const withMode = {
      ...passing(),
      contractValidations: [
        {
          contractId: "c1",
          status: "to_follow_up" as const,
          missingItems: [{ kind: "document" as const, label: "Carte grise", recoveryMode: "email" as const }],
        },
      ],
    };
    expect(canTransition("admin_contract_validation", "contracts_done", withMode).ok).toBe(true);
  });

  it("callback: past, present, invalid dates refused; the future accepted", () => {
    const at = (callbackAt: string | null) => canTransition("contact_attempt", "client_unavailable", { ...passing(), callbackAt });
    expect(at("2026-02-28T10:00:00Z").ok).toBe(false);
    expect(at(NOW.toISOString()).ok).toBe(false);
    expect(at("demain").ok).toBe(false);
    expect(at("2026-03-01T10:00:01Z").ok).toBe(true);
  });

  it("rebound: 3 distinct gaps allowed, duplicates count once; a declared external contract answers the pivot", () => {
    const rebound = (r: FollowupGuardContext["rebound"]) =>
      canTransition("commercial_rebound", "rebound_done", { ...passing(), rebound: r });
    expect(rebound({ noOtherInsurer: true, retainedGaps: ["gav", "per", "obseques"] }).ok).toBe(true);
    expect(rebound({ noOtherInsurer: true, retainedGaps: ["gav", "per", "obseques", "gav"] }).ok).toBe(true);
    expect(rebound({ noOtherInsurer: true, retainedGaps: [] }).ok).toBe(true);
    expect(rebound({ lines: [{ productLine: "habitation", answer: "elsewhere", insurerName: "MAIF" }] }).ok).toBe(true);
    expect(rebound({ lines: [{ productLine: "gav", answer: "not_covered" }] })).toMatchObject({
      ok: false,
      code: "guard_inventory_missing",
    });
    expect(rebound(null)).toMatchObject({ ok: false, code: "guard_inventory_missing" });
  });

  it("closing: an explicit no-action reason replaces actions; every action needs date and owner; 'non' is an answer", () => {
    const close = (patch: Partial<FollowupGuardContext>) => canTransition("action_plan", "close", { ...passing(), ...patch });
    expect(close({ actionPlan: { actions: [], noActionReason: "Client déjà complet" } }).ok).toBe(true);
    expect(close({ actionPlan: { actions: [], noActionReason: "  " } })).toMatchObject({ ok: false, missing: ["actions"] });
    expect(close({ actionPlan: { actions: [{ kind: "appointment", dueDate: "2026-03-10" }] } })).toMatchObject({
      ok: false,
      code: "guard_action_plan_required",
      missing: ["actions[0].ownerId"],
    });
    expect(close({ actionPlan: { actions: [{ kind: "appointment", dueDate: "10/03/2026", ownerId: "u1" }] } })).toMatchObject({
      ok: false,
      missing: ["actions[0].dueDate"],
    });
    const allNo = {
      dedicatedContactKnown: false,
      contactCardSent: false,
      recordFullyQualified: false,
      riskZonesAware: false,
    };
    expect(close({ closing: allNo }).ok).toBe(true);
    expect(close({ closing: { ...allNo, contactCardSent: true } })).toMatchObject({
      ok: false,
      code: "guard_closing_criteria_missing",
      missing: ["contact_card_sent"],
    });
  });
});

describe("overrides", () => {
  const manager = { role: "broker_admin", reason: "Client injoignable depuis, dossier complété par courrier" };

  it("only broker_admin may override", () => {
    expect(canOverride("broker_admin")).toBe(true);
    for (const role of ["agent", "broker_user", "admin", "BROKER_ADMIN", "", null, undefined]) {
      expect(canOverride(role)).toBe(false);
    }
  });

  it("a manager with a reason forces a guarded transition, and the lifted codes are reported", () => {
    const ctx = contextFor(["actionPlan", "closingCriteria"]);
    expect(canTransition("action_plan", "close", ctx, manager)).toEqual({
      ok: true,
      to: "closed",
      overridden: { codes: ["guard_action_plan_required", "guard_closing_criteria_missing"], reason: manager.reason },
    });
  });

  it("refuses a non-manager, and a manager without a reason", () => {
    const ctx = contextFor(["profile"]);
    expect(canTransition("admin_profile_update", "profile_done", ctx, { role: "agent", reason: "x" })).toMatchObject({
      ok: false,
      code: "override_not_permitted",
    });
    expect(canTransition("admin_profile_update", "profile_done", ctx, { role: "broker_admin", reason: "  " })).toMatchObject({
      ok: false,
      code: "override_reason_required",
    });
  });

  it("is not needed (and not recorded) when the guards pass", () => {
    expect(canTransition("admin_profile_update", "profile_done", passing(), manager)).toEqual({
      ok: true,
      to: "admin_contract_validation",
    });
  });

  it("cannot force a callback without its date, nor create a transition", () => {
    expect(canTransition("contact_attempt", "client_unavailable", contextFor(["callback"]), manager)).toMatchObject({
      ok: false,
      code: "guard_callback_date_required",
    });
    expect(canTransition("contact_attempt", "contracts_done", passing(), manager)).toMatchObject({
      ok: false,
      code: "transition_not_allowed",
    });
    expect(canTransition("admin_profile_update", "contracts_done", passing(), manager)).toMatchObject({
      ok: false,
      code: "transition_not_allowed",
    });
  });
});

describe("availableEvents", () => {
  it("lists the step's buttons with the French reason when disabled", () => {
    const events = availableEvents("contact_attempt", contextFor(["callback"]));
    expect(events.map((e) => [e.event, e.enabled])).toEqual([
      ["client_unavailable", false],
      ["client_available", true],
    ]);
    expect(events[0]).toMatchObject({
      label: "Rappeler plus tard",
      code: "guard_callback_date_required",
      overridable: false,
      missing: ["callbackAt"],
    });
    expect(events[0]?.disabledReason).toMatch(/rappel/);
    expect(events[1]).toMatchObject({ label: "Client disponible", to: "admin_profile_update" });
  });

  it("gathers every failing guard of a step and says whether a manager could force it", () => {
    const [close] = availableEvents("action_plan", contextFor(["actionPlan", "closingCriteria"]));
    expect(close).toMatchObject({ event: "close", enabled: false, overridable: true });
    expect(close?.missing).toEqual(expect.arrayContaining(["actions", "risk_zones_aware"]));
  });

  it("offers nothing once closed", () => {
    expect(availableEvents("closed", passing())).toEqual([]);
  });
});
