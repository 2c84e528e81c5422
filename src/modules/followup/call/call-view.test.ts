import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerFixture, brokerFixture } from "../../../../tests/factories/followup";
import { followupApi, followupTestClock, newFollowup } from "../../../../tests/support/followup-api";
import { createOrgWithUser, createTestApp, login, type TestContext } from "../../../../tests/support/test-app";
import { formatParisDateTime } from "../../catalogue/rules/dates";
import { clients } from "../../crm/schema";
import { followupSteps } from "../schema";

let ctx: TestContext;
let fx: BrokerFixture;
let api: ReturnType<typeof followupApi>;
beforeAll(async () => {
  ctx = await createTestApp({}, { clock: followupTestClock() });
  fx = await brokerFixture(ctx);
  api = followupApi(ctx);
});
afterAll(() => ctx.close());

type Step = { id: string; status: string; lines: string[]; hints: string[] };
const stepOf = (view: { script: { steps: Step[] } }, id: string) => view.script.steps.find((s) => s.id === id) as Step;

describe("the call script in the API answer", () => {
  it("colleague variant for the account manager, seller variant for the one who sold the contract", async () => {
    const { id } = await newFollowup(ctx, fx, { contracts: [{ productLine: "habitation", sellerId: fx.admin.id }] });
    const asAgent = (await api.view(fx.agent.session, id)).body;
    expect(asAgent.script.variant).toMatchObject({ seller: "colleague", sellerName: "Prénom", availability: "available" });
    const opening = stepOf(asAgent, "opening");
    expect(opening.lines[0]).toMatch(/^Bonjour Monsieur Durand\d+, c'est Jocelyne de votre agence Allianz Corniche\.$/);
    // 30 November: the campaign follows up the contracts of August, and the script says so as a person would.
    expect(opening.lines[1]).toBe(
      "Je vous appelle au sujet de votre contrat habitation, souscrit chez nous en août. Vous vous en souvenez ?",
    );
    expect(opening.lines[2]).toBe(
      "C'est Prénom qui a assuré votre contrat habitation et c'est moi qui vais vous suivre et gérer votre dossier.",
    );
    expect(asAgent.script.steps.map((s: Step) => s.status)).toEqual([
      "upcoming",
      "upcoming",
      "upcoming",
      "upcoming",
      "upcoming",
      "upcoming",
      "upcoming",
      "upcoming",
    ]);

    const asSeller = (await api.view(fx.admin.session, id)).body;
    expect(asSeller.script.variant.seller).toBe("agent");
    expect(stepOf(asSeller, "opening").lines[2]).toBe(
      "C'est moi qui ai assuré votre contrat habitation, et c'est toujours moi qui vais suivre et gérer votre dossier.",
    );
  });

  it("available-now and callback variants follow the call", async () => {
    const { id } = await newFollowup(ctx, fx);
    await api.fire(fx.agent.session, id, "start_call");
    const calling = (await api.view(fx.agent.session, id)).body;
    expect(calling.script.variant.availability).toBe("available");
    expect(stepOf(calling, "authorisation")).toMatchObject({ status: "current" });
    expect(stepOf(calling, "authorisation").lines.join(" ")).toContain("Est-ce que vous avez 5 minutes pour moi");

    const at = new Date(ctx.clock().getTime() + 2 * 86_400_000);
    at.setUTCHours(8, 30, 0, 0);
    await api.fire(fx.agent.session, id, "client_unavailable", { callbackAt: at.toISOString(), contact: { name: "Mme Durand (épouse)" } });
    const waiting = (await api.view(fx.agent.session, id)).body;
    expect(waiting.script.variant).toMatchObject({ availability: "callback", callbackAt: at.toISOString() });
    expect(stepOf(waiting, "callback").status).toBe("current");
    expect(waiting.availableEvents.map((e: { event: string }) => e.event)).toEqual(["callback_due"]);
    await api.fire(fx.agent.session, id, "callback_due");
    await api.fire(fx.agent.session, id, "client_available");
    const back = (await api.view(fx.agent.session, id)).body;
    expect(stepOf(back, "opening").lines[1]).toBe(
      `Je vous rappelle comme convenu pour notre rendez-vous téléphonique du ${formatParisDateTime(at)}.`,
    );
    expect(stepOf(back, "callback").status).toBe("done");
    expect(stepOf(back, "profile_update").status).toBe("current");
    const contact = back.history.find((h: { data: { event?: string } }) => h.data.event === "client_unavailable");
    // No line chosen, none recorded: the journal does not say "Téléphone fixe" on its own (issue 9).
    expect(contact.data.contact).toMatchObject({ name: "Mme Durand (épouse)", channel: null, availability: "callback" });
  });

  it("gives the top 3 gaps with their why, the prioritised checklist and the locked rebound", async () => {
    const { id } = await newFollowup(ctx, fx, {
      client: { childrenCount: 2, housing: "locataire", birthDate: "1985-04-02", email: null },
      contracts: [{ productLine: "auto", dpSigned: false }],
    });
    const view = (await api.view(fx.agent.session, id)).body;
    expect(view.gaps).toHaveLength(3);
    expect(view.gaps[0]).toMatchObject({ productLine: "habitation", why: expect.stringContaining("locataire") });
    expect(view.gaps.map((g: { productLine: string }) => g.productLine)).toEqual(["habitation", "prevoyance", "gav"]);
    expect(view.preparation.slice(0, 2).map((p: { id: string }) => p.id)).toEqual([
      expect.stringMatching(/^profile:email$|^signature:/),
      expect.any(String),
    ]);
    expect(view.preparation.find((p: { id: string }) => p.id === "profile:email")).toMatchObject({ kind: "to_complete" });
    expect(stepOf(view, "rebound").lines[0]).toMatch(/locataire/);
  });
});

describe("TNS requalification", () => {
  it("detects a TNS filed as particulier, proposes the pro account manager, and switches the record once confirmed", async () => {
    const { id, client } = await newFollowup(ctx, fx, { client: { professionalStatus: "tns_independant" } });
    const view = (await api.view(fx.agent.session, id)).body;
    expect(view.tns).toMatchObject({ required: true, currentManagerId: fx.agent.id, proposedManagerId: fx.proAgent.id });
    expect(view.checklist.map((i: { key: string }) => i.key)).toContain("siret");
    expect(view.preparation[0]).toMatchObject({ id: "client_type:tns", kind: "to_complete" });

    const res = await api.call(fx.agent.session, "POST", `/api/v1/followups/${id}/tns-requalification`, {
      accountManagerId: fx.proAgent.id,
    });
    expect(res.status).toBe(200);
    const [row] = await ctx.db.select().from(clients).where(eq(clients.id, client.id));
    expect(row).toMatchObject({ type: "professionnel", isTns: true, accountManagerId: fx.proAgent.id });
    const steps = await ctx.db.select().from(followupSteps).where(eq(followupSteps.followupId, id));
    expect(steps.find((s) => s.kind === "tns_requalification")?.data).toMatchObject({
      before: { type: "particulier", accountManagerId: fx.agent.id },
      after: { type: "professionnel", isTns: true, accountManagerId: fx.proAgent.id },
    });
    const after = (await api.view(fx.agent.session, id)).body;
    expect(after.tns.required).toBe(false);
    expect(after.checklist.find((i: { key: string }) => i.key === "account_manager").review).toMatchObject({ status: "modified" });
  });
});

describe("Mes appels M+3", () => {
  it("lists the agent's calls, callbacks first, with counts per state for the tabs", async () => {
    const team = await brokerFixture(ctx);
    const first = await newFollowup(ctx, team, { client: { lastName: "Alpha" } });
    const later = await newFollowup(ctx, team, { client: { lastName: "Bravo" } });
    await api.fire(team.agent.session, later.id, "start_call");
    await api.fire(team.agent.session, later.id, "client_unavailable", {
      callbackAt: new Date(ctx.clock().getTime() + 86_400_000).toISOString(),
    });
    const mine = await api.call(team.agent.session, "GET", "/api/v1/followups?state=open");
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([later.id, first.id]);
    expect(mine.body.items[0]).toMatchObject({
      state: "scheduled_callback",
      clientName: expect.stringMatching(/Bravo$/),
      agencyName: "Corniche",
      openActions: 1,
    });
    expect(mine.body.counts).toEqual({ preparation: 1, scheduled_callback: 1 });
    expect((await api.call(team.proAgent.session, "GET", "/api/v1/followups")).body.items).toEqual([]);
    expect((await api.call(team.admin.session, "GET", "/api/v1/followups?assignee=all&state=preparation")).body.items).toHaveLength(1);
  });
});

describe("organisation scoping", () => {
  it("answers 404 for another organisation's follow-up, on reads and writes", async () => {
    const { id } = await newFollowup(ctx, fx);
    const other = await createOrgWithUser(ctx, "broker_admin");
    const session = await login(ctx.app, other.email);
    expect((await api.view(session, id)).status).toBe(404);
    const write = await api.call(session, "POST", `/api/v1/followups/${id}/transitions`, { event: "start_call", expectedVersion: 0 });
    expect(write).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect((await api.call(session, "POST", `/api/v1/followups/${id}/contact-card`, { channel: "sms" })).status).toBe(404);
    expect((await api.call(session, "GET", "/api/v1/followups?assignee=all")).body.items).toEqual([]);
    expect((await api.call(session, "GET", "/api/v1/followups/measures")).body).toMatchObject({ total: { due: 0 }, byMonth: [] });
  });

  it("is closed to suppliers and to anonymous callers", async () => {
    const { id } = await newFollowup(ctx, fx);
    const supplier = await createOrgWithUser(ctx, "supplier");
    expect((await api.view(await login(ctx.app, supplier.email), id)).status).toBe(403);
    expect((await ctx.app.inject({ method: "GET", url: `/api/v1/followups/${id}` })).statusCode).toBe(401);
  });
});
