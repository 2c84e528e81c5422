import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asUser, createOrgWithUser, createTestApp, login, type TestContext } from "../../../tests/support/test-app";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const text = {
  version: "LA-2026-12-v2",
  title: "Consentement — nouvelle liste de partenaires",
  body: "J'accepte d'être contacté(e) par téléphone par les courtiers partenaires de LeadsAssurance, immatriculés à l'ORIAS.",
  partners: ["Courtiers en assurance partenaires (ORIAS)"],
};

describe("consent texts", () => {
  it("lets the operator publish a version once, with its sha256, visible to everyone", async () => {
    const admin = await createOrgWithUser(ctx, "platform_admin");
    const s = await login(ctx.app, admin.email);
    const res = await ctx.app.inject({ method: "POST", url: "/api/v1/consent-texts", headers: asUser(s), payload: text });
    expect(res.statusCode).toBe(201);
    expect(res.json().sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/consent-texts",
      headers: asUser(s),
      payload: { ...text, body: `${text.body} Modifié.` },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "consent_text_exists", field: "version" });
    const list = await ctx.app.inject({ method: "GET", url: "/api/v1/consent-texts" });
    expect(list.json().items.map((t: { version: string }) => t.version)).toContain(text.version);
  });

  it("refuses publication to suppliers and brokers, and a text that names no partner", async () => {
    const supplier = await createOrgWithUser(ctx, "supplier");
    const s = await login(ctx.app, supplier.email);
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/consent-texts",
      headers: asUser(s),
      payload: { ...text, version: "X-1" },
    });
    expect(res.statusCode).toBe(403);
    const admin = await createOrgWithUser(ctx, "platform_admin");
    const sa = await login(ctx.app, admin.email);
    const bad = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/consent-texts",
      headers: asUser(sa),
      payload: { ...text, version: "X-2", partners: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("body.partners");
  });
});

describe("catalogue", () => {
  it("is public and describes the 18 products in 3 groups with their fields", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/catalogue" });
    expect(res.statusCode).toBe(200);
    const { groups } = res.json() as {
      groups: { key: string; products: { slug: string; rdvAvailable: boolean; fields: { key: string; required: boolean }[] }[] }[];
    };
    expect(groups.map((g) => g.key)).toEqual(["credit", "assurance", "epargne"]);
    const products = groups.flatMap((g) => g.products);
    expect(products).toHaveLength(18);
    const auto = products.find((p) => p.slug === "assurance-auto");
    expect(auto?.rdvAvailable).toBe(false);
    expect(auto?.fields.map((f) => f.key)).toEqual(["typeVehicule", "usage", "bonusMalus", "dateEcheance"]);
    expect(products.find((p) => p.slug === "defiscalisation")?.rdvAvailable).toBe(true);
  });

  it("publishes the rejection reasons with French messages", async () => {
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/rejection-reasons" });
    const reasons = res.json() as { code: string; message: string }[];
    expect(reasons.find((r) => r.code === "consent_prechecked")?.message).toMatch(/pré-cochée/);
  });
});
