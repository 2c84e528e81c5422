import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerFixture, brokerFixture } from "../../../../tests/factories/followup";
import { followupApi, newFollowup } from "../../../../tests/support/followup-api";
import { createTestApp, type Session, type TestContext } from "../../../../tests/support/test-app";
import { checklistFor } from "../../crm/rules/checklist";
import { clients } from "../../crm/schema";
import { followupSteps } from "../schema";

// Issue 9 §1, through the API: the call's rules the server enforces.

let ctx: TestContext;
let fx: BrokerFixture;
let api: ReturnType<typeof followupApi>;
beforeAll(async () => {
  ctx = await createTestApp();
  fx = await brokerFixture(ctx);
  api = followupApi(ctx);
});
afterAll(() => ctx.close());

const url = (id: string, path: string) => `/api/v1/followups/${id}/${path}`;
const MASON = { professionalStatus: null, nafCode: "43.99C", activity: "Maçon, artisan" } as const;

async function confirmChecklist(session: Session, id: string) {
  const { body } = await api.view(session, id);
  const reviews = body.checklist.map((item: { key: string }) => ({ key: item.key, status: "confirmed" }));
  return api.call(session, "POST", url(id, "checklist-reviews"), { reviews });
}

/** Contact, record confirmed, contracts signed: the follow-up at the commercial rebound. */
async function toRebound(session: Session, id: string) {
  await api.fire(session, id, "start_call");
  await api.fire(session, id, "client_available");
  await confirmChecklist(session, id);
  expect((await api.fire(session, id, "profile_done")).status).toBe(200);
  const { body } = await api.view(session, id);
  for (const c of body.contracts.filter((k: { isOurs: boolean }) => k.isOurs)) {
    await api.call(session, "POST", url(id, "contract-validations"), { contractId: c.id, status: "signed" });
  }
  expect((await api.fire(session, id, "contracts_done")).status).toBe(200);
}

async function toActionPlan(session: Session, id: string) {
  await toRebound(session, id);
  await api.call(session, "PUT", url(id, "rebound"), { noOtherInsurer: true, retainedGaps: ["gav"] });
  expect((await api.fire(session, id, "rebound_done")).status).toBe(200);
}

describe("a TNS detected must be resolved before the rebound", () => {
  it("detects the mason from his NAF code and activity, suggests décennale and prévoyance TNS, blocks until switched", async () => {
    const { id, client } = await newFollowup(ctx, fx, { client: MASON });
    const agent = fx.agent.session;
    const first = (await api.view(agent, id)).body;
    expect(first.tns).toMatchObject({ required: true, detection: { certainty: "to_check", signal: "business_number" } });
    expect(first.tns.detection.reason).toContain("Code NAF 43.99C");
    expect(first.tns.proposedManagerId).toBe(fx.proAgent.id);
    expect(first.gaps.map((g: { productLine: string }) => g.productLine)).toEqual(["rc_decennale", "prevoyance", "rc_pro"]);
    expect(first.preparation[0]).toMatchObject({ id: "client_type:tns", label: "Vérifier le statut TNS du client" });

    await api.fire(agent, id, "start_call");
    await api.fire(agent, id, "client_available");
    await confirmChecklist(agent, id);
    const refused = await api.fire(agent, id, "profile_done");
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ code: "guard_tns_unresolved", missing: ["tns"] });
    expect(refused.body.error.message).toContain("avant le rebond commercial");
    // Not even a manager forces it: setting the detection aside with a reason is the way past.
    const forced = await api.fire(fx.admin.session, id, "profile_done", { override: { reason: "pressé" } });
    expect(forced.body.error.details.code).toBe("guard_tns_unresolved");

    expect((await api.call(agent, "POST", url(id, "tns-requalification"), { accountManagerId: fx.proAgent.id })).status).toBe(200);
    const [row] = await ctx.db.select().from(clients).where(eq(clients.id, client.id));
    expect(row).toMatchObject({ type: "professionnel", isTns: true, accountManagerId: fx.proAgent.id });
    const after = (await api.view(agent, id)).body;
    expect(after.tns).toMatchObject({ required: false, detection: null });
    await confirmChecklist(agent, id);
    expect((await api.fire(agent, id, "profile_done")).status).toBe(200);
  });

  it("lets the agent set the detection aside with a reason, and then suggests as for a particulier", async () => {
    const { id } = await newFollowup(ctx, fx, { client: MASON });
    const agent = fx.agent.session;
    const empty = await api.call(agent, "POST", url(id, "tns-dismissal"), { reason: "  " });
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toBe("Champ obligatoire : motif pour écarter le statut TNS");
    const reason = "Salarié de l'entreprise de maçonnerie de son frère : le code NAF est celui de l'employeur";
    expect((await api.call(agent, "POST", url(id, "tns-dismissal"), { reason })).status).toBe(200);
    expect((await api.call(agent, "POST", url(id, "tns-dismissal"), { reason })).status).toBe(409);

    const view = (await api.view(agent, id)).body;
    expect(view.tns).toMatchObject({ required: false, resolution: { decision: "dismissed", reason } });
    expect(view.gaps.map((g: { productLine: string }) => g.productLine)).not.toContain("rc_decennale");
    expect(view.checklist.map((i: { key: string }) => i.key)).toEqual(checklistFor("particulier", false).map((i) => i.key));
    expect(view.history.at(-1)).toMatchObject({ kind: "tns_dismissed", data: { reason } });
    await toRebound(agent, id);
  });
});

describe("recordings refused at save time", () => {
  it("refuses a fourth retained gap when it is recorded, even from a broker admin", async () => {
    const { id } = await newFollowup(ctx, fx);
    await toRebound(fx.agent.session, id);
    const four = { noOtherInsurer: true, retainedGaps: ["protection_juridique", "gav", "per", "obseques"] };
    for (const who of [fx.agent.session, fx.admin.session]) {
      const res = await api.call(who, "PUT", url(id, "rebound"), four);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "validation_error", field: "retainedGaps" });
      expect(res.body.error.message).toMatch(/^Manques retenus : 3 au maximum par appel, 4 envoyés/);
    }
    expect(
      (await api.call(fx.agent.session, "PUT", url(id, "rebound"), { ...four, retainedGaps: four.retainedGaps.slice(0, 3) })).status,
    ).toBe(200);
  });

  it("refuses « Pièce manquante » with no item named, naming the contract by product and number", async () => {
    const { id, contracts } = await newFollowup(ctx, fx, { contracts: [{ productLine: "auto", externalRef: "POL-500077" }] });
    const agent = fx.agent.session;
    await api.fire(agent, id, "start_call");
    await api.fire(agent, id, "client_available");
    await confirmChecklist(agent, id);
    await api.fire(agent, id, "profile_done");
    const contractId = contracts[0]?.id;
    const res = await api.call(agent, "POST", url(id, "contract-validations"), {
      contractId,
      status: "missing_document",
      missingItems: [],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_error", field: "missingItems" });
    expect(res.body.error.message).toMatch(/^Contrat Auto n° POL-500077 : « Pièce manquante » sans élément manquant nommé/);
    const refused = await api.fire(agent, id, "contracts_done");
    expect(refused.body.error.details.missingLabels).toEqual(["Contrat Auto n° POL-500077"]);
    expect(refused.body.error.message).toContain("Contrat Auto n° POL-500077 : statut non renseigné");
  });

  it("refuses an action due in the past, names a missing due date in words, and says why an empty plan is not enough", async () => {
    const { id } = await newFollowup(ctx, fx);
    const agent = fx.agent.session;
    await toActionPlan(agent, id);
    const action = { kind: "quote", productLine: "gav", ownerId: fx.agent.id };
    const past = await api.call(agent, "PUT", url(id, "action-plan"), { actions: [{ ...action, dueDate: "2020-01-15" }] });
    expect(past.status).toBe(400);
    expect(past.body.error).toMatchObject({ field: "actions.0.dueDate" });
    expect(past.body.error.message).toBe(
      "Date d'échéance de l'action 1 dans le passé (15/01/2020) : choisissez aujourd'hui ou une date à venir.",
    );
    const missing = await api.call(agent, "PUT", url(id, "action-plan"), { actions: [action] });
    expect(missing.body.error).toMatchObject({
      field: "body.actions.0.dueDate",
      message: "Champ obligatoire : date d'échéance de l'action 1",
    });
    const empty = await api.call(agent, "PUT", url(id, "action-plan"), { actions: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ field: "noActionReason" });
    expect(empty.body.error.message).toMatch(/^Plan d'actions vide : ajoutez au moins une action/);
    const steps = await ctx.db.select().from(followupSteps).where(eq(followupSteps.followupId, id));
    expect(steps.some((s) => s.kind === "action_plan")).toBe(false);
    const reasoned = await api.call(agent, "PUT", url(id, "action-plan"), { actions: [], noActionReason: "Client entièrement équipé" });
    expect(reasoned.status).toBe(200);
  });

  it("refuses « Fiche 100 % qualifiée : Oui » while a point of the record is « Non communiqué »", async () => {
    const { id } = await newFollowup(ctx, fx);
    const agent = fx.agent.session;
    await api.fire(agent, id, "start_call");
    await api.fire(agent, id, "client_available");
    await confirmChecklist(agent, id);
    await api.call(agent, "POST", url(id, "checklist-reviews"), { reviews: [{ key: "email", status: "not_provided" }] });
    await api.fire(agent, id, "profile_done");
    const { body } = await api.view(agent, id);
    for (const c of body.contracts) await api.call(agent, "POST", url(id, "contract-validations"), { contractId: c.id, status: "signed" });
    await api.fire(agent, id, "contracts_done");
    await api.call(agent, "PUT", url(id, "rebound"), { noOtherInsurer: true });
    await api.fire(agent, id, "rebound_done");
    const yes = await api.call(agent, "POST", url(id, "closing-criteria"), { recordFullyQualified: true });
    expect(yes.status).toBe(400);
    expect(yes.body.error).toMatchObject({ field: "recordFullyQualified" });
    expect(yes.body.error.message).toContain("E-mail (Non communiqué)");
    expect((await api.call(agent, "POST", url(id, "closing-criteria"), { recordFullyQualified: false })).status).toBe(200);
  });
});

describe("messages that name the field", () => {
  it("names the record's field when a « Modifié » value is not one it accepts", async () => {
    const { id } = await newFollowup(ctx, fx);
    const agent = fx.agent.session;
    await api.fire(agent, id, "start_call");
    await api.fire(agent, id, "client_available");
    const res = await api.call(agent, "POST", url(id, "checklist-reviews"), {
      reviews: [{ key: "marital_status", status: "modified", value: "marié deux fois" }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: "reviews.0.value" });
    expect(res.body.error.message).toMatch(/^Situation matrimoniale : valeur non autorisée \(valeurs possibles : celibataire, marie/);
  });
});

describe("the transition request", () => {
  it("records the line the agent chose, and none when he chose none", async () => {
    const { id } = await newFollowup(ctx, fx);
    const agent = fx.agent.session;
    await api.fire(agent, id, "start_call");
    await api.fire(agent, id, "client_available", { contact: { channel: "mobile" } });
    const steps = await ctx.db.select().from(followupSteps).where(eq(followupSteps.followupId, id));
    const contacts = steps.filter((s) => s.kind === "transition").map((s) => (s.data as { contact?: { channel: string | null } }).contact);
    // "Lancer l'appel" with no line chosen: nothing recorded, not "Téléphone fixe" (issue 9).
    expect(contacts.map((c) => c?.channel)).toEqual([null, "mobile"]);
  });

  it("refuses unknown keys instead of ignoring them", async () => {
    const { id } = await newFollowup(ctx, fx);
    const { body } = await api.view(fx.agent.session, id);
    const res = await api.call(fx.agent.session, "POST", url(id, "transitions"), {
      event: "start_call",
      expectedVersion: body.version,
      role: "broker_admin",
      contact: { channel: "mobile", phone: "0612345678" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "body.role", message: "Champ non prévu : « role ». Retirez-le de la requête." }),
        expect.objectContaining({
          field: "body.contact.phone",
          message: "Champ non prévu : « phone » (du contact). Retirez-le de la requête.",
        }),
      ]),
    );
    expect((await api.view(fx.agent.session, id)).body.state).toBe("preparation");
  });
});
