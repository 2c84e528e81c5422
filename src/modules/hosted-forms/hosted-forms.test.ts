import { and, eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asUser, createOrgWithUser, createTestApp, login, publishTestConsentText, type TestContext } from "../../../tests/support/test-app";
import { DEMO_CONSENT_TEXT } from "../../seed/demo-consent-text";
import { leadAppointments } from "../appointments/schema";
import { sampleFieldValues } from "../catalogue/rules";
import { publishConsentText } from "../consent";
import { leadConsents, leads } from "../intake/schema";
import { MAX_AGE_MS } from "./form-token";
import { purgeSpentFormTokens } from "./purge-form-tokens";
import { spentFormTokens } from "./schema";
import { admitFormPost, POSTS_PER_ADDRESS } from "./throttle";

/** Tuesday 1 December 2026, 10:00 in Paris. */
let now = new Date("2026-12-01T10:00:00+01:00");
const clock = () => new Date(now);
const later = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

let ctx: TestContext;
let supplierOrgId: string;
let code: string;
let ipSeq = 0;
/** Each test its own public address: the per-address limit is tested on its own. */
const freshIp = () => `82.64.${Math.floor(++ipSeq / 200)}.${(ipSeq % 200) + 1}`;

beforeAll(async () => {
  ctx = await createTestApp({}, { clock });
  const s = await createOrgWithUser(ctx, "supplier");
  supplierOrgId = s.org.id;
  await publishTestConsentText(ctx);
  await publishConsentText(
    ctx.db,
    {},
    { ...DEMO_CONSENT_TEXT, version: "RDV-2026-12-v1", title: "Consentement renforcé : transmission et rendez-vous" },
  );
  const session = await login(ctx.app, s.email);
  const embed = await ctx.app.inject({ method: "GET", url: "/api/v1/hosted-forms", headers: asUser(session) });
  expect(embed.statusCode, embed.body).toBe(200);
  code = embed.json().code;
  const emprunteur = embed.json().items.find((i: { product: string }) => i.product === "assurance-emprunteur");
  expect(emprunteur.rdvSnippet).toContain(`<iframe src="http://localhost:80/f/assurance-emprunteur?a=${code}&type=rdv"`);
  expect(embed.json().items.find((i: { product: string }) => i.product === "assurance-auto").rdvUrl).toBeNull();
});
afterAll(() => ctx.close());

const formUrl = (product: string, rdv: boolean, c = code) => `/f/${product}?a=${c}${rdv ? "&type=rdv" : ""}`;

async function openForm(product: string, rdv: boolean, ip: string) {
  const res = await ctx.app.inject({ method: "GET", url: formUrl(product, rdv), remoteAddress: ip });
  expect(res.statusCode, res.body).toBe(200);
  const token = /name="token" value="([^"]+)"/.exec(res.body)?.[1] as string;
  const slots = [...res.body.matchAll(/name="appointment\.availabilities" value="([^"]+)"/g)].map((m) => m[1] as string);
  return { res, token, slots };
}

function formBody(product: string, token: string, extra: Record<string, string | string[]> = {}) {
  const p = new URLSearchParams();
  const fields = sampleFieldValues(product, now) as Record<string, unknown>;
  const values: Record<string, string | string[]> = {
    token,
    website: "",
    "contact.firstName": "Léa",
    "contact.lastName": "Fontaine",
    "contact.phone": `06 12 ${String(10 + (ipSeq % 80)).padStart(2, "0")} ${String(ipSeq % 100).padStart(2, "0")} 4${ipSeq % 10}`,
    "contact.email": `lea.${ipSeq}.${Math.random().toString(36).slice(2, 7)}@example.fr`,
    "contact.postalCode": "13001",
    "contact.city": "Marseille",
    consent: "oui",
    ...Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [`fields.${k}`, typeof v === "boolean" ? (v ? "oui" : "non") : String(v)]),
    ),
    ...extra,
  };
  for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) p.append(k, one);
  return p.toString();
}

const post = (product: string, rdv: boolean, body: string, ip: string) =>
  ctx.app.inject({
    method: "POST",
    url: formUrl(product, rdv),
    remoteAddress: ip,
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "Mozilla/5.0 (iPhone; test)" },
    payload: body,
  });

const leadsOfSupplier = () =>
  ctx.db
    .select()
    .from(leads)
    .where(and(eq(leads.supplierOrgId, supplierOrgId), eq(leads.channel, "hosted_form")));

describe("hosted RDV form", () => {
  it("serves a frameable, mobile-first form with the texts in force and the consent boxes unticked", async () => {
    const { res, slots } = await openForm("assurance-emprunteur", true, freshIp());
    expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'self' https:");
    expect(res.headers["x-frame-options"]).toBeUndefined();
    expect(res.body).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(res.body).toMatch(/<input type="checkbox" name="consent" value="oui">/);
    expect(res.body).toMatch(/<input type="checkbox" name="rdvConsent" value="oui">/);
    expect(res.body).toContain("Courtiers en assurance partenaires (ORIAS)");
    expect(res.body).toContain("version RDV-2026-12-v1");
    // Business slots only, from two hours ahead: Tuesday from 12:00, then the next four business days.
    expect(slots[0]).toBe("2026-12-01T11:00:00.000Z");
    expect(slots.length).toBe(7 + 4 * 10);
    // The rest of the app still refuses to be framed.
    const api = await ctx.app.inject({ method: "GET", url: "/api/v1/catalogue" });
    expect(api.headers["x-frame-options"]).toBe("DENY");
  });

  it("records the lead as the supplier's, with the server's own consent evidence and the RDV", async () => {
    const ip = freshIp();
    const { token, slots } = await openForm("assurance-emprunteur", true, ip);
    later(8_000);
    const res = await post(
      "assurance-emprunteur",
      true,
      formBody("assurance-emprunteur", token, {
        rdvConsent: "oui",
        "appointment.availabilities": [slots[12] as string, slots[20] as string],
        "appointment.channel": "visio",
        "appointment.confirmation": "email",
      }),
      ip,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.body).toContain("Votre demande de rendez-vous est enregistrée");
    const [lead] = (await leadsOfSupplier()).filter((l) => l.status === "accepted" && l.type === "rdv");
    expect(lead).toMatchObject({ product: "assurance-emprunteur", firstName: "Léa", postalCode: "13001" });
    const [k] = await ctx.db
      .select()
      .from(leadConsents)
      .where(eq(leadConsents.leadId, lead?.id as string));
    expect(k).toMatchObject({ method: "checkbox", prechecked: false, ip, userAgent: "Mozilla/5.0 (iPhone; test)" });
    expect(k?.sourceUrl).toBe(`http://localhost:80/f/assurance-emprunteur?a=${code}&type=rdv`);
    expect(k?.collectedAt.getTime()).toBe(now.getTime());
    const [a] = await ctx.db
      .select()
      .from(leadAppointments)
      .where(eq(leadAppointments.leadId, lead?.id as string));
    expect(a).toMatchObject({ channel: "visio", confirmation: "email", consentTextVersion: "RDV-2026-12-v1" });
    expect(a?.availabilities.map((d) => d.toISOString())).toEqual([slots[12], slots[20]]);
  });

  it("stores a refused post as a rejected lead and shows the reasons beside the fields", async () => {
    const ip = freshIp();
    const { token } = await openForm("assurance-emprunteur", true, ip);
    later(8_000);
    const before = (await leadsOfSupplier()).length;
    const res = await post(
      "assurance-emprunteur",
      true,
      formBody("assurance-emprunteur", token, { consent: "", "appointment.channel": "visio" }),
      ip,
    );
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain("Consentement : Consentement absent");
    expect(res.body).toContain("Disponibilités : Disponibilités du prospect manquantes");
    expect(res.body).toContain("Consentement renforcé : Consentement renforcé (transmission à un courtier et RDV) absent");
    expect(res.body).toContain('value="Léa"');
    const after = await leadsOfSupplier();
    expect(after.length).toBe(before + 1);
    expect(after.find((l) => l.status === "rejected")?.reasons.map((r) => r.code)).toContain("consent_missing");
  });

  it("drops a filled honeypot silently, asks again when sent too fast or with a forged token, and limits posts per address", async () => {
    const ip = freshIp();
    const { token } = await openForm("assurance-auto", false, ip);
    const fast = await post("assurance-auto", false, formBody("assurance-auto", token), ip);
    expect(fast.statusCode).toBe(422);
    expect(fast.body).toContain("Formulaire envoyé trop vite");
    later(8_000);
    const before = (await leadsOfSupplier()).length;
    const bot = await post("assurance-auto", false, formBody("assurance-auto", token, { website: "http://spam.example" }), ip);
    expect(bot.statusCode).toBe(200);
    expect(bot.body).toContain("Merci");
    const forged = await post("assurance-auto", false, formBody("assurance-auto", `${token.split(".")[0]}.AAAA`), ip);
    expect(forged.statusCode).toBe(422);
    expect((await leadsOfSupplier()).length).toBe(before);
    let last = 0;
    for (let i = 0; i < 20; i++)
      last = (await post("assurance-auto", false, formBody("assurance-auto", token, { website: "x" }), ip)).statusCode;
    expect(last).toBe(429);
  });

  it("takes one post per form served: the same page sent again stores nothing and says so, with a fresh form", async () => {
    const ip = freshIp();
    const { token } = await openForm("assurance-auto", false, ip);
    later(8_000);
    const before = (await leadsOfSupplier()).length;
    // Numbers of this test's own, so that no earlier lead makes them duplicates.
    const person = (phone: string) => ({ "contact.phone": phone });
    const first = await post("assurance-auto", false, formBody("assurance-auto", token, person("07 81 23 45 67")), ip);
    expect(first.statusCode, first.body).toBe(201);
    // The same token again (a double click, the back button, or a script replaying one page).
    const again = await post("assurance-auto", false, formBody("assurance-auto", token, person("07 81 23 45 68")), ip);
    expect(again.statusCode).toBe(422);
    expect(again.body).toContain("Ce formulaire a déjà été envoyé");
    // Said as a notice: the answers were not refused, the page had already gone.
    expect(again.body).toContain('<div class="notice" role="status">');
    expect(again.body).not.toContain("n'a pas pu être enregistrée");
    expect((await leadsOfSupplier()).length).toBe(before + 1);
    // The page that came back carries a token of its own: a second request is a second form.
    const fresh = /name="token" value="([^"]+)"/.exec(again.body)?.[1] as string;
    expect(fresh).not.toBe(token);
    later(8_000);
    const second = await post("assurance-auto", false, formBody("assurance-auto", fresh, person("07 81 23 45 68")), ip);
    expect(second.statusCode, second.body).toBe(201);
    expect((await leadsOfSupplier()).length).toBe(before + 2);
  });

  it("forgets a spent token once the token itself has expired, not before", async () => {
    const spentAt = new Date("2026-12-02T10:00:00Z");
    const ip = freshIp();
    expect(await admitFormPost(ctx.db, ip, "nonce-old", spentAt)).toEqual({ allowed: true, spent: true });
    expect(await admitFormPost(ctx.db, ip, "nonce-old", spentAt)).toEqual({ allowed: true, spent: false });
    expect(await admitFormPost(ctx.db, ip, "nonce-recent", new Date(spentAt.getTime() + 3_600_000))).toEqual({
      allowed: true,
      spent: true,
    });
    const purged = await purgeSpentFormTokens(ctx.db, new Date(spentAt.getTime() + MAX_AGE_MS + 60_000));
    expect(purged.purged).toBeGreaterThanOrEqual(1);
    const left = await ctx.db
      .select()
      .from(spentFormTokens)
      .where(inArray(spentFormTokens.nonce, ["nonce-old", "nonce-recent"]));
    expect(left.map((r) => r.nonce)).toEqual(["nonce-recent"]);
  });

  it("spends no token for a post past its address's allowance: the person can send the same page later", async () => {
    const ip = freshIp();
    const at = new Date("2026-12-03T10:00:00Z");
    for (let i = 0; i < POSTS_PER_ADDRESS; i++) await admitFormPost(ctx.db, ip, null, at);
    expect(await admitFormPost(ctx.db, ip, "nonce-throttled", at)).toEqual({ allowed: false, spent: false });
    expect(await admitFormPost(ctx.db, freshIp(), "nonce-throttled", at)).toEqual({ allowed: true, spent: true });
  });

  it("answers 404 for an unknown supplier code, an unknown product, or an RDV form of a product without RDV", async () => {
    for (const url of [formUrl("assurance-emprunteur", false, "inconnu00"), `/f/velo?a=${code}`, formUrl("assurance-auto", true)]) {
      const res = await ctx.app.inject({ method: "GET", url, remoteAddress: freshIp() });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).toContain("Formulaire introuvable");
    }
  });

  it("any form post gets a page, never a 500 (property)", async () => {
    const names = [
      "token",
      "website",
      "consent",
      "rdvConsent",
      "contact.phone",
      "contact.email",
      "appointment.availabilities",
      "appointment.channel",
      "fields.montant",
    ];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...names), fc.string({ maxLength: 40 })), { maxLength: 12 }), async (pairs) => {
        const p = new URLSearchParams();
        for (const [k, v] of pairs) p.append(k, v);
        const res = await post("assurance-emprunteur", true, p.toString(), freshIp());
        expect([200, 201, 422, 429]).toContain(res.statusCode);
        expect(res.headers["content-type"]).toContain("text/html");
      }),
      { numRuns: 40 },
    );
  });
});
