import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractPdfText } from "../../../../tests/support/pdf-text";
import { createOrgWithUser, createTestApp, type TestContext } from "../../../../tests/support/test-app";
import { organisations } from "../../accounts/schema";
import { auditEvents } from "../../audit/schema";
import { creditWallet, debitCredits } from "../move-credits";
import { formatInvoiceNumber, invoiceYear } from "../rules/invoice-number";
import { vatOn } from "../rules/vat";
import { invoices } from "../schema";
import { issueInvoice } from "./issue-invoice";
import { monthlyStatementPdf } from "./monthly-statement";
import { renderInvoicePdf } from "./render-invoice-pdf";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const seller = { name: "LeadsAssurance SAS", address: "10 rue de la Paix ; 75002 Paris", siren: "732829320", vatNumber: "FR44732829320" };
// Intl's French puts a narrow no-break space between thousands and a no-break one before "€" and "%"; the
// embedded font draws both, and pdf.js reads them back as plain spaces (see src/lib/pdf/pdf.test.ts).
const NNBSP = " ";
const NBSP = " ";

async function brokerage() {
  const { org } = await createOrgWithUser(ctx, "broker_admin");
  await ctx.db
    .update(organisations)
    .set({ name: "Cabinet Durand Courtage", address: "5 quai Rambaud\n69002 Lyon", vatNumber: "FR13542107651", siren: "542107651" })
    .where(eq(organisations.id, org.id));
  return org.id;
}

const issue = (orgId: string, issuedAt: Date, unitPriceCents = 123_450) =>
  ctx.db.transaction((tx) =>
    issueInvoice(tx, { orgId, kind: "top_up", seller, issuedAt, lines: [{ label: "Pack", quantity: 1, unitPriceCents }] }),
  );

describe("invoice rules", () => {
  it("numbers FA-YYYY-NNNNNN and takes the year in Paris time", () => {
    expect(formatInvoiceNumber(2026, 123)).toBe("FA-2026-000123");
    expect(invoiceYear(new Date("2026-12-31T22:59:59Z"))).toBe(2026);
    expect(invoiceYear(new Date("2026-12-31T23:00:00Z"))).toBe(2027);
  });

  it("computes VAT at 20 % rounded to the cent, TTC = HT + TVA", () => {
    expect(vatOn(123_450)).toEqual({ htCents: 123_450, vatCents: 24_690, ttcCents: 148_140 });
    expect(vatOn(1)).toEqual({ htCents: 1, vatCents: 0, ttcCents: 1 });
    expect(vatOn(3)).toEqual({ htCents: 3, vatCents: 1, ttcCents: 4 });
  });
});

describe("invoices", () => {
  it("issues numbered invoices with the buyer's identity copied, totals, and an audit event", async () => {
    const orgId = await brokerage();
    const a = await issue(orgId, new Date("2031-03-01T10:00:00Z"));
    const b = await issue(orgId, new Date("2031-03-02T10:00:00Z"));
    expect([a.number, b.number]).toEqual(["FA-2031-000001", "FA-2031-000002"]);
    expect(a).toMatchObject({ totalHtCents: 123_450, vatCents: 24_690, totalTtcCents: 148_140, vatRateBasisPoints: 2_000 });
    expect(a.buyer).toEqual({
      name: "Cabinet Durand Courtage",
      address: "5 quai Rambaud\n69002 Lyon",
      siren: "542107651",
      vatNumber: "FR13542107651",
    });
    const [event] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, a.id));
    expect(event).toMatchObject({ action: "invoice.issued", data: { number: "FA-2031-000001", totalTtcCents: 148_140 } });
    // A new year starts its own series.
    expect((await issue(orgId, new Date("2032-01-01T00:30:00+01:00"))).number).toBe("FA-2032-000001");
  });

  it("a rolled-back invoice gives its number back: no gap", async () => {
    const orgId = await brokerage();
    const at = new Date("2033-05-01T10:00:00Z");
    await issue(orgId, at);
    await expect(
      ctx.db.transaction(async (tx) => {
        await issueInvoice(tx, { orgId, kind: "top_up", seller, issuedAt: at, lines: [{ label: "x", quantity: 1, unitPriceCents: 100 }] });
        throw new Error("payment handler failed");
      }),
    ).rejects.toThrow("payment handler failed");
    expect((await issue(orgId, at)).number).toBe("FA-2033-000002");
  });

  it.runIf(process.env.DATABASE_URL)(
    "on PostgreSQL, 40 invoices issued by parallel clients (some rolled back) have no gap and no duplicate",
    async () => {
      const orgId = await brokerage();
      const at = new Date("2034-06-01T10:00:00Z");
      const results = await Promise.allSettled(
        Array.from({ length: 40 }, (_, i) =>
          ctx.db.transaction(async (tx) => {
            const inv = await issueInvoice(tx, {
              orgId,
              kind: "top_up",
              seller,
              issuedAt: at,
              lines: [{ label: `n${i}`, quantity: 1, unitPriceCents: 100 }],
            });
            await tx.execute(sql`select pg_sleep(0.003)`);
            if (i % 7 === 3) throw new Error("rolled back");
            return inv;
          }),
        ),
      );
      const issued = results.filter((r) => r.status === "fulfilled").length;
      expect(issued).toBe(40 - 6);
      const rows = await ctx.db
        .select({ sequence: invoices.sequence, number: invoices.number })
        .from(invoices)
        .where(eq(invoices.year, 2034));
      expect(rows.map((r) => r.sequence).sort((x, y) => x - y)).toEqual(Array.from({ length: issued }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.number)).size).toBe(issued);
    },
  );

  it("prints a PDF whose text carries the number, both parties, HT / TVA / TTC in French format with an embedded font, and the legal mentions", async () => {
    const orgId = await brokerage();
    const inv = await issue(orgId, new Date("2035-02-10T10:00:00Z"));
    const bytes = await renderInvoicePdf({ ...inv, paidByCard: true });
    const { pages, info } = await extractPdfText(bytes);
    const text = pages.join("\n");
    expect(info.Title).toBe("Facture FA-2035-000001");
    expect(text).toContain("Facture FA-2035-000001");
    expect(text).toContain("10 février 2035");
    for (const s of [
      "LeadsAssurance SAS",
      "SIREN : 732829320",
      "FR44732829320",
      "Cabinet Durand Courtage",
      "5 quai Rambaud",
      "69002 Lyon",
      "SIREN : 542107651",
      "FR13542107651",
    ])
      expect(text).toContain(s);
    expect(text).toContain(`1${NNBSP}234,50${NBSP}€`);
    expect(text).toContain(`246,90${NBSP}€`);
    expect(text).toContain(`1${NNBSP}481,40${NBSP}€`);
    expect(text).toContain(`TVA 20${NBSP}%`);
    expect(text).toContain("Total TTC");
    expect(text).toMatch(/Pénalités de retard : trois fois le taux d'intérêt légal/);
    expect(text).toContain("Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €");
    expect(text).toContain("acquittée par carte bancaire");
  });

  it("prints the monthly statement with opening and closing balances and the month's movements only", async () => {
    const orgId = await brokerage();
    const at = (iso: string) => new Date(iso);
    await ctx.db.transaction((tx) =>
      creditWallet(tx, {
        orgId,
        amountCents: 50_000,
        kind: "top_up",
        reference: "p1",
        now: at("2036-10-31T22:30:00Z"),
        description: "Recharge octobre",
      }),
    );
    await ctx.db.transaction((tx) =>
      debitCredits(tx, {
        orgId,
        amountCents: 2_500,
        kind: "marketplace_purchase",
        reference: "l1",
        now: at("2036-11-03T09:00:00Z"),
        description: "Achat lead mutuelle santé — 69",
      }),
    );
    await ctx.db.transaction((tx) =>
      debitCredits(tx, {
        orgId,
        amountCents: 2_345,
        kind: "exclusive_sale",
        reference: "l2",
        now: at("2036-11-30T22:59:00Z"),
        description: "Lead exclusif assurance auto — 13",
      }),
    );
    await ctx.db.transaction((tx) =>
      debitCredits(tx, {
        orgId,
        amountCents: 1_000,
        kind: "exclusive_sale",
        reference: "l3",
        now: at("2036-11-30T23:00:00Z"),
        description: "Lead de décembre",
      }),
    );
    const { bytes, filename } = await monthlyStatementPdf(ctx.db, { orgId, month: "2036-11", seller, now: at("2036-12-01T08:00:00Z") });
    expect(filename).toBe("releve-credits-2036-11.pdf");
    const text = (await extractPdfText(bytes)).pages.join("\n").replace(/\n/g, " ");
    expect(text).toContain("Relevé de consommation de crédits — novembre 2036");
    expect(text).toContain("Achat lead mutuelle santé — 69");
    expect(text).toContain("Lead exclusif assurance auto — 13");
    expect(text).not.toContain("Lead de décembre");
    // Opening 500,00 € (the top-up was at 23:30 on 31 October, Paris time), 48,45 € consumed, closing 451,55 €.
    expect(text).toContain(`500,00${NBSP}€ 0,00${NBSP}€ 48,45${NBSP}€ 451,55${NBSP}€`);
    expect(text).not.toContain("Recharge octobre");
  });
});
