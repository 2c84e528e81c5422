import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerFixture, brokerFixture } from "../../../../tests/factories/followup";
import { followupApi, followupTestClock, newFollowup, parisDaysFrom } from "../../../../tests/support/followup-api";
import { createTestApp, type TestContext } from "../../../../tests/support/test-app";
import { auditEvents } from "../../audit/schema";
import { checklistFor } from "../../crm/rules/checklist";
import { clients } from "../../crm/schema";
import { followupActions, followupSteps, followups } from "../schema";

let ctx: TestContext;
let fx: BrokerFixture;
let api: ReturnType<typeof followupApi>;
beforeAll(async () => {
  ctx = await createTestApp({}, { clock: followupTestClock() });
  fx = await brokerFixture(ctx);
  api = followupApi(ctx);
});
afterAll(() => ctx.close());

const tomorrow = () => new Date(ctx.clock().getTime() + 86_400_000).toISOString();
const inDays = (n: number) => parisDaysFrom(ctx, n);
const confirmAll = (type: "particulier" | "professionnel", isTns = false) =>
  checklistFor(type, isTns).map((item) => ({ key: item.key, status: "confirmed" }));

describe("a full M+3 call through the API", () => {
  it("goes from preparation to closed, recording who did what at every step", async () => {
    const { id, client, contracts } = await newFollowup(ctx, fx, {
      contracts: [{ productLine: "auto", documentsProvided: ["cni"], dpSigned: false, summary: "une auto tous risques en zone urbaine" }],
    });
    const agent = fx.agent.session;
    const first = await api.view(agent, id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ state: "preparation", version: 0, stateLabel: "Préparation du dossier" });
    expect(first.body.availableEvents).toEqual([expect.objectContaining({ event: "start_call", enabled: true })]);
    expect(first.body.preparation[0]).toMatchObject({ kind: "to_complete", category: "signature" });
    expect(first.body.contracts[0].proposedMissingItems.map((m: { key: string }) => m.key)).toContain("dp");

    expect((await api.fire(agent, id, "start_call")).status).toBe(200);
    const reached = await api.fire(agent, id, "client_available", { contact: { name: "Paul Durand", channel: "mobile" } });
    expect(reached).toMatchObject({ status: 200, body: { state: "admin_profile_update" } });

    const reviews = confirmAll("particulier").map((r) =>
      r.key === "phone" ? { key: "phone", status: "modified", value: "06 99 88 77 66" } : r,
    );
    expect((await api.call(agent, "POST", `/api/v1/followups/${id}/checklist-reviews`, { reviews })).status).toBe(200);
    const [crm] = await ctx.db.select().from(clients).where(eq(clients.id, client.id));
    expect(crm?.phone).toBe("+33699887766");
    expect((await api.fire(agent, id, "profile_done")).body.state).toBe("admin_contract_validation");

    const contractId = contracts[0]?.id as string;
    const validation = {
      contractId,
      status: "missing_document",
      missingItems: [
        { kind: "signature", key: "dp", label: "Signature des dispositions particulières", recoveryMode: "signature_electronique" },
      ],
    };
    expect((await api.call(agent, "POST", `/api/v1/followups/${id}/contract-validations`, validation)).status).toBe(200);
    expect((await api.fire(agent, id, "contracts_done")).body.state).toBe("commercial_rebound");

    const rebound = {
      lines: [{ productLine: "habitation", answer: "elsewhere", insurerName: "MAIF" }],
      retainedGaps: ["protection_juridique", "gav"],
    };
    expect((await api.call(agent, "PUT", `/api/v1/followups/${id}/rebound`, rebound)).status).toBe(200);
    expect((await api.fire(agent, id, "rebound_done")).body.state).toBe("action_plan");

    const plan = { actions: [{ kind: "quote", productLine: "gav", dueDate: inDays(7), ownerId: fx.agent.id, note: "Devis GAV famille" }] };
    expect((await api.call(agent, "PUT", `/api/v1/followups/${id}/action-plan`, plan)).status).toBe(200);
    const refused = await api.fire(agent, id, "close");
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toEqual({
      code: "guard_closing_criteria_missing",
      missing: ["dedicated_contact_known", "contact_card_sent", "record_fully_qualified", "risk_zones_aware"],
      missingLabels: [
        "Le client sait qu'il a un interlocuteur dédié",
        "Carte de contact envoyée (vCard par e-mail ou SMS)",
        "Fiche client 100 % qualifiée",
        "Le client a pris conscience de ses zones de risque",
      ],
    });

    expect((await api.call(agent, "POST", `/api/v1/followups/${id}/contact-card`, { channel: "email" })).status).toBe(200);
    const criteria = { dedicatedContactKnown: true, recordFullyQualified: true, riskZonesAware: true };
    expect((await api.call(agent, "POST", `/api/v1/followups/${id}/closing-criteria`, criteria)).status).toBe(200);
    const closed = await api.fire(agent, id, "close");
    expect(closed).toMatchObject({ status: 200, body: { state: "closed" } });

    const [row] = await ctx.db.select().from(followups).where(eq(followups.id, id));
    expect(row).toMatchObject({ state: "closed", recordQualified: true, closing: { contactCardSent: true, contactCardChannel: "email" } });
    expect(row?.reachedAt).toBeInstanceOf(Date);
    expect(row?.closedAt).toBeInstanceOf(Date);
    const actions = await ctx.db.select().from(followupActions).where(eq(followupActions.followupId, id));
    expect(actions).toEqual([expect.objectContaining({ kind: "quote", ownerId: fx.agent.id, dueDate: inDays(7), status: "open" })]);

    const steps = await ctx.db.select().from(followupSteps).where(eq(followupSteps.followupId, id)).orderBy(followupSteps.id);
    expect(steps.map((s) => s.kind)).toEqual([
      "created",
      "transition",
      "transition",
      "checklist_review",
      "transition",
      "contract_validation",
      "transition",
      "rebound",
      "transition",
      "action_plan",
      "contact_card_sent",
      "closing_criteria",
      "transition",
    ]);
    expect(steps.slice(1).every((s) => s.userId === fx.agent.id)).toBe(true);
    expect(steps[2]?.data).toMatchObject({
      event: "client_available",
      contact: { name: "Paul Durand", channel: "mobile", availability: "available" },
    });
    const reviewed = steps[3]?.data as { items: { key: string; before?: unknown; after?: unknown }[] };
    const phone = reviewed.items.find((i) => i.key === "phone");
    expect(phone).toMatchObject({ status: "modified", before: "+33611223344", after: "+33699887766" });
    expect(steps[5]?.data).toMatchObject({ contractId, after: { status: "missing_document" } });

    const audit = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "followup.closed")));
    expect(audit).toHaveLength(1);
    const history = (await api.view(agent, id)).body.history;
    expect(history.at(-1)).toMatchObject({ kind: "transition", toState: "closed", userName: "Jocelyne Martin" });
  });
});

describe("guards through the API", () => {
  it("refuses each guarded step with the French message and what is missing, then lets it through once recorded", async () => {
    const { id, contracts } = await newFollowup(ctx, fx);
    const agent = fx.agent.session;
    await api.fire(agent, id, "start_call");
    const noDate = await api.fire(agent, id, "client_unavailable");
    expect(noDate.status).toBe(409);
    expect(noDate.body.error).toMatchObject({
      code: "transition_refused",
      details: { code: "guard_callback_date_required", missing: ["callbackAt"] },
    });
    await api.fire(agent, id, "client_available");

    const profile = await api.fire(agent, id, "profile_done");
    expect(profile.status).toBe(409);
    expect(profile.body.error.message).toMatch(/^Fiche client incomplète/);
    expect(profile.body.error.details).toEqual({
      code: "guard_profile_incomplete",
      missing: checklistFor("particulier", false).map((i) => i.key),
      missingLabels: checklistFor("particulier", false).map((i) => i.label),
    });
    const view = (await api.view(agent, id)).body;
    expect(view.availableEvents[0]).toMatchObject({
      event: "profile_done",
      enabled: false,
      code: "guard_profile_incomplete",
      overridable: true,
    });

    const partial = confirmAll("particulier").map((r) => (r.key === "agency" ? { ...r, status: "not_provided" } : r));
    await api.call(agent, "POST", `/api/v1/followups/${id}/checklist-reviews`, { reviews: partial });
    expect((await api.fire(agent, id, "profile_done")).body.error.details.missing).toEqual(["agency"]);
    await api.call(agent, "POST", `/api/v1/followups/${id}/checklist-reviews`, { reviews: [{ key: "agency", status: "confirmed" }] });
    expect((await api.fire(agent, id, "profile_done")).status).toBe(200);

    const contract = await api.fire(agent, id, "contracts_done");
    // Named by product and number (here its start date: the contract has no number), never by its id.
    expect(contract.body.error.details).toEqual({
      code: "guard_contracts_incomplete",
      missing: [contracts[0]?.id],
      missingLabels: [expect.stringMatching(/^Contrat Auto \(effet le \d\d\/\d\d\/\d{4}\)$/)],
    });
    expect(contract.body.error.message).not.toContain(contracts[0]?.id);
    const noMode = { contractId: contracts[0]?.id, status: "to_follow_up", missingItems: [{ kind: "document", label: "Carte grise" }] };
    await api.call(agent, "POST", `/api/v1/followups/${id}/contract-validations`, noMode);
    expect((await api.fire(agent, id, "contracts_done")).body.error.message).toMatch(/mode de récupération/);
    await api.call(agent, "POST", `/api/v1/followups/${id}/contract-validations`, { contractId: contracts[0]?.id, status: "signed" });
    expect((await api.fire(agent, id, "contracts_done")).status).toBe(200);

    expect((await api.fire(agent, id, "rebound_done")).body.error.details.code).toBe("guard_inventory_missing");
    const tooMany = { noOtherInsurer: true, retainedGaps: ["protection_juridique", "gav", "per", "obseques"] };
    const fourth = await api.call(agent, "PUT", `/api/v1/followups/${id}/rebound`, tooMany);
    expect(fourth.status).toBe(400);
    expect(fourth.body.error).toMatchObject({ code: "validation_error", field: "retainedGaps" });
    await api.call(agent, "PUT", `/api/v1/followups/${id}/rebound`, { ...tooMany, retainedGaps: ["gav"] });
    expect((await api.fire(agent, id, "rebound_done")).status).toBe(200);

    const close = await api.fire(agent, id, "close");
    expect(close.body.error.details.code).toBe("guard_action_plan_required");
    await api.call(agent, "PUT", `/api/v1/followups/${id}/action-plan`, { actions: [], noActionReason: "Client entièrement équipé" });
    const criteria = { dedicatedContactKnown: true, contactCardSent: false, recordFullyQualified: false, riskZonesAware: false };
    await api.call(agent, "POST", `/api/v1/followups/${id}/closing-criteria`, criteria);
    expect((await api.fire(agent, id, "close")).body.state).toBe("closed");
  });

  it("keeps the commercial blocks locked until both admin steps are done", async () => {
    const { id } = await newFollowup(ctx, fx);
    const agent = fx.agent.session;
    const early = await api.call(agent, "PUT", `/api/v1/followups/${id}/rebound`, { noOtherInsurer: true });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: "transition_refused", details: { code: "step_locked" } });
    expect(early.body.error.message).toContain("« Rebond commercial »");
    const plan = await api.call(agent, "PUT", `/api/v1/followups/${id}/action-plan`, { actions: [] });
    expect(plan.body.error.details.code).toBe("step_locked");
    const review = await api.call(agent, "POST", `/api/v1/followups/${id}/checklist-reviews`, {
      reviews: [{ key: "phone", status: "confirmed" }],
    });
    expect(review.body.error.message).toMatch(/s'ouvre à l'étape « Mise à jour de la fiche client »/);
  });

  it("checks each review against the client's checklist and the CRM's field rules", async () => {
    const { id } = await newFollowup(ctx, fx);
    await api.fire(fx.agent.session, id, "start_call");
    await api.fire(fx.agent.session, id, "client_available");
    const post = (reviews: object[]) => api.call(fx.agent.session, "POST", `/api/v1/followups/${id}/checklist-reviews`, { reviews });
    expect((await post([{ key: "siret", status: "confirmed" }])).body.error.message).toMatch(/ne fait pas partie de la fiche/);
    expect((await post([{ key: "email", status: "modified" }])).body.error.message).toBe("E-mail : saisissez la nouvelle valeur");
    expect((await post([{ key: "email", status: "modified", value: "pas-un-email" }])).body.error).toMatchObject({
      code: "validation_error",
      field: "email",
    });
    expect((await post([{ key: "marital_status", status: "modified", value: "polygame" }])).body.error.code).toBe("validation_error");
    const moved = await post([
      { key: "mailing_address", status: "modified", value: { addressLine: "3 rue Paradis", postalCode: "13001", city: "Marseille" } },
    ]);
    expect(moved.status).toBe(200);
    const review = (await api.view(fx.agent.session, id)).body.checklist.find((i: { key: string }) => i.key === "mailing_address");
    expect(review).toMatchObject({
      value: "3 rue Paradis, 13001 Marseille",
      review: { status: "modified", after: "3 rue Paradis, 13001 Marseille" },
    });
  });

  it("refuses a stale version with 409 conflict", async () => {
    const { id } = await newFollowup(ctx, fx);
    const res = await api.call(fx.agent.session, "POST", `/api/v1/followups/${id}/transitions`, {
      event: "start_call",
      expectedVersion: 7,
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "conflict", details: { code: "stale_version", currentVersion: 0 } });
  });

  it("refuses a callback in the past and records the callback with its reminder action", async () => {
    const { id } = await newFollowup(ctx, fx);
    const agent = fx.agent.session;
    await api.fire(agent, id, "start_call");
    const past = await api.fire(agent, id, "client_unavailable", { callbackAt: "2020-01-01T10:00:00Z" });
    expect(past.body.error.details.code).toBe("guard_callback_date_required");
    const at = tomorrow();
    expect((await api.fire(agent, id, "client_unavailable", { callbackAt: at })).body.state).toBe("scheduled_callback");
    const [reminder] = await ctx.db.select().from(followupActions).where(eq(followupActions.followupId, id));
    expect(reminder).toMatchObject({ kind: "follow_up", origin: "callback", ownerId: fx.agent.id, status: "open" });
    const later = new Date(ctx.clock().getTime() + 3 * 86_400_000).toISOString();
    expect((await api.call(agent, "POST", `/api/v1/followups/${id}/callback`, { callbackAt: later })).status).toBe(200);
    expect((await api.fire(agent, id, "callback_due")).body.state).toBe("contact_attempt");
    const [done] = await ctx.db.select().from(followupActions).where(eq(followupActions.followupId, id));
    expect(done?.status).toBe("done");
  });
});

describe("API documentation", () => {
  it("lists every follow-up route in the OpenAPI description", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/docs/json" });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths).filter((p) => p.startsWith("/api/v1/followups"));
    expect(paths).toEqual(
      expect.arrayContaining([
        "/api/v1/followups",
        "/api/v1/followups/{id}",
        "/api/v1/followups/{id}/transitions",
        "/api/v1/followups/{id}/checklist-reviews",
        "/api/v1/followups/measures",
        "/api/v1/followups/campaigns",
        "/api/v1/followups/my-actions",
      ]),
    );
  });
});
