import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerFixture, brokerFixture } from "../../../../tests/factories/followup";
import { newFollowup } from "../../../../tests/support/followup-api";
import { extractPdfText } from "../../../../tests/support/pdf-text";
import { createOrgWithUser, createTestApp, login, type TestContext } from "../../../../tests/support/test-app";
import { GUIDE_AUDIENCES } from "../rules/pocket-guide";
import { pocketGuidePdf } from "./pocket-guide-pdf";

// Text as pdf.js reads it back: no-break spaces become spaces, line breaks are where the lines were cut.
const flat = (pages: string[]) => pages.join("\n").replace(/\s+/g, " ");

describe("pocket guide PDF", () => {
  it.each(GUIDE_AUDIENCES)("%s: one or two A4 pages with the script, the questions and the victory criteria", async (audience) => {
    const bytes = await pocketGuidePdf({ audience, now: new Date("2026-11-30T10:00:00Z"), orgName: "Cabinet Test" });
    const { pages, info } = await extractPdfText(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    const text = flat(pages);
    for (const expected of [
      "Guide de poche — l'appel M+3",
      "Bonjour [Prénom] [Nom], c'est [votre prénom] de votre agence [agence].",
      "Est-ce que vous avez 5 minutes pour moi, j'ai besoin de mettre à jour votre dossier client ?",
      "qui sont vos autres assureurs ?",
      "La règle d'or : taisez-vous",
      "Le client sait qu'il a un interlocuteur dédié",
      "Carte de contact envoyée (vCard par e-mail ou SMS)",
      "Fiche client 100 % qualifiée",
      "Le client a pris conscience de ses zones de risque",
      "Cabinet Test — guide de poche M+3, édité le 30 novembre 2026",
      `Page 1 / ${pages.length}`,
    ]) {
      expect(text).toContain(expected);
    }
    expect(info.Title).toMatch(/^Guide de poche/);
  });
});

describe("pocket guide routes", () => {
  let ctx: TestContext;
  let fx: BrokerFixture;
  beforeAll(async () => {
    ctx = await createTestApp();
    fx = await brokerFixture(ctx);
  });
  afterAll(() => ctx.close());

  const get = (cookie: string, url: string) => ctx.app.inject({ method: "GET", url, headers: { cookie } });

  it("serves the generic guide of a kind of client, agency and advisor left to fill in", async () => {
    const res = await get(fx.agent.session.cookie, "/api/v1/followups/pocket-guide.pdf?audience=tns");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toBe('inline; filename="guide-de-poche-m3-tns.pdf"');
    const text = flat((await extractPdfText(res.rawPayload)).pages);
    expect(text).toContain("Client : TNS (travailleur non salarié) · Agence : ____");
    expect(text).toContain("En cas d'arrêt de travail");
    expect((await get(fx.agent.session.cookie, "/api/v1/followups/pocket-guide.pdf?audience=salarie")).statusCode).toBe(400);
  });

  it("fills the guide of a call with the agency and the advisor, for the client's kind", async () => {
    const { id } = await newFollowup(ctx, fx, { client: { type: "entreprise", companyName: "Boulangerie Test" } });
    const res = await get(fx.agent.session.cookie, `/api/v1/followups/${id}/pocket-guide.pdf`);
    expect(res.statusCode).toBe(200);
    const text = flat((await extractPdfText(res.rawPayload)).pages);
    expect(text).toContain("Client : Entreprise · Agence : Allianz Corniche · Conseiller : Jocelyne Martin");
    expect(text).toContain("c'est Jocelyne de votre agence Allianz Corniche.");
  });

  it("is for brokers of the follow-up's own organisation only", async () => {
    const { id } = await newFollowup(ctx, fx);
    const other = await brokerFixture(ctx);
    expect((await get(other.agent.session.cookie, `/api/v1/followups/${id}/pocket-guide.pdf`)).statusCode).toBe(404);
    const supplier = await createOrgWithUser(ctx, "supplier");
    const session = await login(ctx.app, supplier.email);
    expect((await get(session.cookie, "/api/v1/followups/pocket-guide.pdf")).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/followups/pocket-guide.pdf" })).statusCode).toBe(401);
  });
});
