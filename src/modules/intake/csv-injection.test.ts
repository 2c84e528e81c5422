import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import { csvOf } from "../../../tests/support/csv-import";
import { asUser, bearer, createTestApp, login, type Session, supplierFixture, type TestContext } from "../../../tests/support/test-app";
import { leads } from "./schema";

// A cell a spreadsheet would run: Excel's DDE turns it into "start calc.exe".
const PAYLOAD = "=cmd|' /C calc'!A0";

let ctx: TestContext;
let s: Session;
let apiKey: string;
let version: string;
beforeAll(async () => {
  ctx = await createTestApp();
  const supplier = await supplierFixture(ctx);
  s = await login(ctx.app, supplier.email);
  ({ apiKey, version } = supplier);
});
afterAll(() => ctx.close());

const rowsOf = (text: string) => parse(text, { delimiter: ";", bom: true, relax_column_count: true }) as string[][];

describe("CSV files the product writes", () => {
  it("the lead export neutralises a name that is a formula", async () => {
    const lead = validLead(version);
    lead.contact = { ...lead.contact, lastName: PAYLOAD, firstName: "@SUM(1+1)*cmd|' /C calc'!A0" };
    const sent = await ctx.app.inject({ method: "POST", url: "/api/v1/leads", headers: bearer(apiKey), payload: lead });
    expect([201, 422]).toContain(sent.statusCode);
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/leads/export.csv", headers: asUser(s) });
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = rowsOf(res.body);
    const row = rows.find((r) => r[0] === sent.json().id) as string[];
    expect(row[header?.indexOf("nom") as number]).toBe(`'${PAYLOAD}`);
    expect(row[header?.indexOf("prenom") as number]).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    // Nothing in the file starts a formula.
    for (const r of rows) for (const cell of r) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("the rejection report neutralises the cells as sent, and reads back as sent once corrected", async () => {
    const csv = csvOf("assurance-auto", version, [{ nom: PAYLOAD, telephone: "+33 6", ville: "-2+3" }]);
    const created = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: asUser(s),
      payload: { product: "assurance-auto", filename: "formules.csv", sizeBytes: csv.length },
    });
    const put = (id: string, body: string) =>
      ctx.app.inject({
        method: "PUT",
        url: `/api/v1/imports/${id}/file`,
        headers: { ...asUser(s), "content-type": "text/csv" },
        payload: body,
      });
    expect((await put(created.json().id, csv)).json()).toMatchObject({ status: "done", rejected: 1 });
    const report = await ctx.app.inject({ method: "GET", url: `/api/v1/imports/${created.json().id}/report.csv`, headers: asUser(s) });
    const [header, row] = rowsOf(report.body) as [string[], string[]];
    expect(row[header.indexOf("nom")]).toBe(`'${PAYLOAD}`);
    expect(row[header.indexOf("telephone")]).toBe("'+33 6");
    expect(row[header.indexOf("ville")]).toBe("'-2+3");

    // Sent back as it is, the report's cells are the supplier's own again.
    const again = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: asUser(s),
      payload: { product: "assurance-auto", filename: "rejets.csv", sizeBytes: report.rawPayload.length },
    });
    expect((await put(again.json().id, report.body)).json()).toMatchObject({ status: "done", rejected: 1 });
    const [stored] = await ctx.db.select().from(leads).where(eq(leads.importId, again.json().id));
    expect(stored?.payload).toMatchObject({ nom: PAYLOAD, telephone: "+33 6", ville: "-2+3" });
  });
});
