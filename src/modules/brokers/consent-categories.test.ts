import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operatorSession } from "../../../tests/support/brokers";
import { asUser, createTestApp, json, type TestContext } from "../../../tests/support/test-app";
import { canonicalJson } from "../../lib/canonical-json";
import { sha256Hex } from "../../lib/sha256";
import { readCheckpoints } from "../audit";
import { consentTextDigest } from "../consent";
import { consentTexts } from "../consent/schema";
import { verifyEvidence } from "../evidence";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const BODY =
  "J'accepte d'être contacté(e) par les courtiers partenaires de LeadsAssurance au sujet de ma demande ; révocable à tout moment.";

describe("partner categories of consent texts", () => {
  it("are published with a new version, returned by the API, committed by its event, and checked by the verifier", async () => {
    const op = await operatorSession(ctx);
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/consent-texts",
      headers: asUser(op.session),
      payload: {
        version: "CAT-2026-12-v1",
        title: "Consentement santé et crédit immobilier",
        body: BODY,
        partners: ["Courtiers en assurance santé", "Courtiers en crédit immobilier"],
        partnerCategories: ["assurance-sante-prevoyance", "credit-immobilier"],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(json(res).partnerCategories).toEqual(["assurance-sante-prevoyance", "credit-immobilier"]);
    const listed = json(await ctx.app.inject({ method: "GET", url: "/api/v1/consent-texts" })).items;
    expect(listed.find((t: { version: string }) => t.version === "CAT-2026-12-v1").partnerCategories).toEqual([
      "assurance-sante-prevoyance",
      "credit-immobilier",
    ]);
    const unknown = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/consent-texts",
      headers: asUser(op.session),
      payload: { version: "CAT-2026-12-v2", title: "X y z", body: BODY, partners: ["Tous"], partnerCategories: ["tout-le-monde"] },
    });
    expect(unknown.statusCode).toBe(400);
    expect(json(unknown).error.field).toMatch(/partnerCategories/);

    const report = await verifyEvidence(ctx.db, { checkpoints: await readCheckpoints([]) });
    expect(report.problems).toEqual([]);
  });

  it("a text without categories keeps the digest it had before they existed; with categories, they change it", () => {
    const t = {
      id: "0190a1b2-0000-7000-8000-000000000001",
      version: "V1",
      title: "T",
      body: "B",
      sha256: "ab",
      partners: ["P"],
      publishedAt: new Date("2026-08-01T00:00:00Z"),
      publishedBy: null,
    };
    // The digest as computed before partner categories were added (the consent_text/1 form), recomputed here.
    const before = sha256Hex(
      JSON.stringify(["consent_text/1", t.id, t.version, t.title, t.sha256, canonicalJson(t.partners), t.publishedAt.toISOString(), null]),
    );
    expect(consentTextDigest({ ...t, partnerCategories: [] })).toBe(before);
    expect(consentTextDigest({ ...t, partnerCategories: ["credit-immobilier"] })).not.toBe(
      consentTextDigest({ ...t, partnerCategories: [] }),
    );
    expect(consentTextDigest({ ...t, partnerCategories: ["credit-immobilier"] })).not.toBe(
      consentTextDigest({ ...t, partnerCategories: ["assurance-sante-prevoyance"] }),
    );
  });

  it("existing texts are immutable: their categories cannot be changed afterwards", async () => {
    await expect(
      ctx.db
        .update(consentTexts)
        .set({ partnerCategories: ["credit-immobilier"] })
        .where(sql`true`),
    ).rejects.toThrow();
  });
});
