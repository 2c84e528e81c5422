import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import { holdAndPay, marketTestApp, verifiedBuyer } from "../../../tests/support/market";
import { extractPdfText } from "../../../tests/support/pdf-text";
import { asUser, type supplierFixture, type TestContext } from "../../../tests/support/test-app";
import { rawRows } from "../../platform/db/raw-rows";

/** Tuesday 1 December 2026, 11:00 in Paris: inside the legal call hours. */
const now = new Date("2026-12-01T11:00:00+01:00");
const clock = () => new Date(now);

let ctx: TestContext;
let supplier: Awaited<ReturnType<typeof supplierFixture>>;
let operatorId: string;
let seq = 0;

async function sendLead(overrides: { lastName?: string; phone?: string; product?: string } = {}) {
  const base = validLead(supplier.version, {}, overrides.product ?? "mutuelle-sante", clock());
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/leads",
    headers: { authorization: `Bearer ${supplier.apiKey}` },
    payload: {
      ...base,
      contact: {
        ...base.contact,
        postalCode: "75011",
        city: "Paris 11e Arrondissement",
        ...(overrides.lastName ? { lastName: overrides.lastName } : {}),
        ...(overrides.phone ? { phone: overrides.phone } : {}),
      },
    },
  });
  expect(res.json().status, res.body).toBe("accepted");
  return res.json().id as string;
}

type Buyer = Awaited<ReturnType<typeof verifiedBuyer>>;
const buyer = () => verifiedBuyer(ctx, { operatorId, creditsCents: 100_000, now });

async function bought(b: Buyer, overrides: Parameters<typeof sendLead>[0] = {}) {
  const leadId = await sendLead(overrides);
  const paid = await holdAndPay(ctx, b, leadId, `achat-courtier-${++seq}`);
  expect(paid.statusCode, paid.body).toBe(200);
  return leadId;
}

const get = (b: Buyer, url: string) => ctx.app.inject({ method: "GET", url, headers: asUser(b.session) });
const post = (b: Buyer, url: string, payload: unknown) =>
  ctx.app.inject({ method: "POST", url, headers: asUser(b.session), payload: payload as object });

beforeAll(async () => {
  ({ ctx, supplier, operatorId } = await marketTestApp(clock));
});
afterAll(() => ctx.close());

describe("the broker's leads", () => {
  it("lists what the brokerage bought, with the contact and 30 days to call, and nothing of another brokerage", async () => {
    const a = await buyer();
    const other = await buyer();
    const leadId = await bought(a);
    const list = (await get(a, "/api/v1/broker/leads")).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      leadId,
      status: "nouveau",
      channel: "marketplace",
      product: "mutuelle-sante",
      priceCents: 1800,
      city: "Paris 11e Arrondissement",
    });
    expect(list.items[0].phone).toMatch(/^\+33/);
    expect(list.items[0].callDaysLeft).toBe(29);

    expect((await get(other, "/api/v1/broker/leads")).json().total).toBe(0);
    expect((await get(other, `/api/v1/broker/leads/${leadId}`)).statusCode).toBe(404);
    expect((await get(other, `/api/v1/broker/leads/${leadId}/proof.pdf`)).statusCode).toBe(404);
    const move = await post(other, `/api/v1/broker/leads/${leadId}/status`, { status: "contacte" });
    expect(move.statusCode).toBe(404);
    expect((await get(a, `/api/v1/broker/leads/${leadId}`)).json().work.status).toBe("nouveau");
  });

  it("finds a lead by the start of its last name, first name or phone typed the French way, and filters by status", async () => {
    const a = await buyer();
    const first = await bought(a, { lastName: "Zébulon", phone: "0611223344" });
    // A phone of its own: the factory's may start with 0611 too, and "+33611" would find both.
    await bought(a, { lastName: "Arthaud", phone: "0644556677" });
    const search = async (q: string) =>
      (await get(a, `/api/v1/broker/leads?q=${encodeURIComponent(q)}`)).json().items.map((i: { leadId: string }) => i.leadId);
    expect(await search("zéb")).toEqual([first]);
    expect(await search("06 11 22")).toEqual([first]);
    expect(await search("+33611")).toEqual([first]);
    expect(await search("camille zéb")).toEqual([first]);
    expect(await search("%")).toEqual([]);
    expect((await search("camille")).length).toBe(2);
    await post(a, `/api/v1/broker/leads/${first}/status`, { status: "contacte" });
    const contacted = (await get(a, "/api/v1/broker/leads?status=contacte")).json();
    expect(contacted.items.map((i: { leadId: string }) => i.leadId)).toEqual([first]);
    expect((await get(a, "/api/v1/broker/leads?status=nouveau")).json().total).toBe(1);
    const bad = await get(a, "/api/v1/broker/leads?status=gagne");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("querystring.status");
  });

  it("moves nouveau → contacté → vendu, refuses skipping a step or a loss without reason, and audits each change", async () => {
    const a = await buyer();
    const leadId = await bought(a);
    const skip = await post(a, `/api/v1/broker/leads/${leadId}/status`, { status: "vendu" });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({ code: "transition_refused", field: "status" });
    const noReason = await post(a, `/api/v1/broker/leads/${leadId}/status`, { status: "perdu" });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ field: "lostReason", message: "Champ obligatoire : le motif de perte" });
    const other = await post(a, `/api/v1/broker/leads/${leadId}/status`, { status: "perdu", lostReason: "autre" });
    expect(other.json().error.field).toBe("note");

    expect((await post(a, `/api/v1/broker/leads/${leadId}/status`, { status: "contacte" })).statusCode).toBe(200);
    const won = await post(a, `/api/v1/broker/leads/${leadId}/status`, {
      status: "vendu",
      client: { productLine: "sante", startDate: "2026-12-15", insurerName: "Mutuelle Exemple", premiumCents: 120_000 },
    });
    expect(won.statusCode, won.body).toBe(200);
    const clientId = won.json().clientId as string;
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
    const [client] = await rawRows<{ source_lead_id: string; org_id: string; last_name: string; origin: string }>(
      ctx.db,
      sql`select source_lead_id, org_id, last_name, origin from clients where id = ${clientId}::uuid`,
    );
    expect(client).toMatchObject({ source_lead_id: leadId, org_id: a.orgId, origin: "lead" });
    const [contract] = await rawRows<{ start_date: string; product_line: string }>(
      ctx.db,
      sql`select start_date::text, product_line from contracts where client_id = ${clientId}::uuid`,
    );
    expect(contract).toMatchObject({ start_date: "2026-12-15", product_line: "sante" });

    const events = await rawRows<{ action: string; data: { from: string; to: string } }>(
      ctx.db,
      sql`select action, data from audit_events where entity_type = 'lead' and entity_id = ${leadId} and action = 'lead.status_changed' order by id`,
    );
    expect(events.map((e) => `${e.data.from}>${e.data.to}`)).toEqual(["nouveau>contacte", "contacte>vendu"]);
    const detail = (await get(a, `/api/v1/broker/leads/${leadId}`)).json();
    expect(detail.work).toMatchObject({ status: "vendu", clientId });
    expect(detail.timeline.map((t: { label: string }) => t.label)).toEqual([
      "Lead reçu et contrôlé par LeadsAssurance",
      "Acheté en salle de marché",
      "Statut : Contacté",
      "Statut : Vendu",
    ]);
    expect((await post(a, `/api/v1/broker/leads/${leadId}/status`, { status: "perdu", lostReason: "trop_cher" })).statusCode).toBe(409);
  });

  it("a failed conversion leaves the lead where it was: no client, no status change, no event", async () => {
    const a = await buyer();
    const leadId = await bought(a);
    await post(a, `/api/v1/broker/leads/${leadId}/status`, { status: "contacte" });
    const bad = await post(a, `/api/v1/broker/leads/${leadId}/status`, {
      status: "vendu",
      client: { productLine: "sante", startDate: "2026-12-15", agencyId: "0190f000-0000-7000-8000-000000000000" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe("client.agencyId");
    expect((await get(a, `/api/v1/broker/leads/${leadId}`)).json().work.status).toBe("contacte");
    const [counted] = await rawRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from clients where source_lead_id = ${leadId}::uuid`,
    );
    expect(counted?.n).toBe(0);
  });

  it("shows the verified consent proof and the call window, and counts failed calls", async () => {
    const a = await buyer();
    const leadId = await bought(a);
    const detail = (await get(a, `/api/v1/broker/leads/${leadId}`)).json();
    expect(detail.proof).toMatchObject({ method: "checkbox", prechecked: false, fingerprintValid: true });
    expect(detail.returnOpen).toBe(true);
    expect(detail.proof.text.body.length).toBeGreaterThan(20);
    expect(["verified", "pending"]).toContain(detail.integrity.status);
    expect(detail.callability).toMatchObject({ daysLeft: 29, expired: false, withinCallHours: true, nextCallHoursStart: null });
    expect((await post(a, `/api/v1/broker/leads/${leadId}/failed-calls`, {})).json()).toEqual({ failedAttempts: 1 });
    expect((await post(a, `/api/v1/broker/leads/${leadId}/failed-calls`, {})).json()).toEqual({ failedAttempts: 2 });
    const timeline = (await get(a, `/api/v1/broker/leads/${leadId}`)).json().timeline;
    expect(timeline.at(-1).label).toBe("Appel sans réponse (tentative n° 2)");
  });

  it("exports the proof as an A4 PDF a judge can read, and records the export", async () => {
    const a = await buyer();
    const leadId = await bought(a, { lastName: "Preuvedoc" });
    const detail = (await get(a, `/api/v1/broker/leads/${leadId}`)).json();
    const res = await get(a, `/api/v1/broker/leads/${leadId}/proof.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = (await extractPdfText(res.rawPayload)).pages.join("\n");
    expect(text).toContain("Preuve de consentement");
    expect(text).toContain("Preuvedoc");
    expect(text).toContain(detail.proof.fingerprint);
    expect(text).toContain(detail.proof.text.sha256);
    expect(text).toContain(detail.proof.ip);
    expect(text).toContain("Case à cocher sur un formulaire web");
    expect(text).toMatch(/Document établi le [\s\S]* \(SIREN \d{9}\)/);
    expect(text).toMatch(/Intégrité : (VÉRIFIÉE|EN COURS DE SCELLEMENT)/);
    const [counted] = await rawRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from audit_events where entity_id = ${leadId} and action = 'lead.proof_exported' and org_id = ${a.orgId}::uuid`,
    );
    expect(counted?.n).toBe(1);
  });

  it("exports the filtered list as CSV with formula cells neutralised", async () => {
    const a = await buyer();
    await bought(a, { lastName: "=HYPERLINK(1)" });
    const res = await get(a, "/api/v1/broker/leads/export.csv");
    expect(res.statusCode).toBe(200);
    const lines = res.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toContain("achete_le;produit;type;canal;prix_ht;statut");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("'=HYPERLINK(1)");
    expect(lines[1]).toContain("Mutuelle");
  });

  it("sums the week: by product and channel, contact and conversion rates, spend and cost per client won", async () => {
    const a = await buyer();
    const [l1, l2] = [await bought(a), await bought(a, { product: "assurance-auto" })];
    await bought(a);
    await post(a, `/api/v1/broker/leads/${l1}/status`, { status: "contacte" });
    await post(a, `/api/v1/broker/leads/${l1}/status`, { status: "vendu" });
    await post(a, `/api/v1/broker/leads/${l2}/status`, { status: "perdu", lostReason: "faux_numero" });
    const d = (await get(a, "/api/v1/broker/dashboard?period=week")).json();
    expect(d.received).toBe(3);
    expect(d.byProduct).toEqual([
      { product: "mutuelle-sante", exclusive: 0, marketplace: 2 },
      { product: "assurance-auto", exclusive: 0, marketplace: 1 },
    ]);
    expect(d.contactRate).toBeCloseTo(1 / 3);
    expect(d.conversionRate).toBeCloseTo(1 / 3);
    expect(d.costPerWonCents).toBe(d.spendCents);
    expect(d.byStatus).toEqual([
      { status: "nouveau", count: 1 },
      { status: "contacte", count: 0 },
      { status: "vendu", count: 1 },
      { status: "perdu", count: 1 },
    ]);
    expect(d.byDay).toEqual([{ day: "2026-12-01", exclusive: 0, marketplace: 3 }]);
  });

  it("answers any query and any status body with 200 or a 4xx naming the field, never a 500", async () => {
    const a = await buyer();
    const leadId = await bought(a);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom("product", "status", "channel", "from", "to", "q", "page", "pageSize", "departement", "leadType", "zzz"),
          fc.string({ maxLength: 30 }),
        ),
        async (query) => {
          const res = await get(a, `/api/v1/broker/leads?${new URLSearchParams(query)}`);
          expect([200, 400]).toContain(res.statusCode);
          if (res.statusCode === 400) expect(res.json().error.message).toMatch(/\S/);
        },
      ),
      { numRuns: 60 },
    );
    await fc.assert(
      fc.asyncProperty(fc.anything(), async (body) => {
        const res = await post(a, `/api/v1/broker/leads/${leadId}/status`, { status: "perdu", lostReason: body });
        expect([200, 400, 409]).toContain(res.statusCode);
      }),
      { numRuns: 40 },
    );
  });
});
