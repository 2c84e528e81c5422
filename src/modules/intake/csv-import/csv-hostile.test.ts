import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvOf, importedRows, uploadCsv } from "../../../../tests/support/csv-import";
import {
  asUser,
  createOrgWithUser,
  createTestApp,
  login,
  publishTestConsentText,
  type Session,
  type TestContext,
} from "../../../../tests/support/test-app";
import { csvHeader } from "../../catalogue/rules";
import { readLeadJson } from "../read-lead-json";

/** Cells the database cannot hold (issue 8 §2): a NUL in one cell used to lose its 500-row batch and the rest of the file. */

let ctx: TestContext;
let s: Session;
let version: string;
beforeAll(async () => {
  ctx = await createTestApp();
  s = await login(ctx.app, (await createOrgWithUser(ctx, "supplier")).email);
  version = (await publishTestConsentText(ctx)).version;
});
afterAll(() => ctx.close());

async function upload(body: Buffer | string) {
  const { id, res } = await uploadCsv(ctx, s, body);
  return { id, res, rows: await importedRows(ctx, id) };
}

describe("CSV cells the database cannot hold as sent", () => {
  it("a NUL in a known cell rejects that row only, in a batch of 500, and the whole file is imported", async () => {
    const overrides = Array.from(
      { length: 1_200 },
      (_, i): Record<string, string> => (i === 3 ? { prenom: "Ca\u0000mille", commentaire: "x\u0000y" } : {}),
    );
    const { res, rows } = await upload(
      csvOf("assurance-auto", version, overrides, { columns: [...csvHeader("assurance-auto"), "commentaire"] }),
    );
    expect(res.json()).toMatchObject({ status: "done", totalRows: 1_200, accepted: 1_199, rejected: 1 });
    const row = rows[3];
    expect(row?.reasons).toEqual([expect.objectContaining({ code: "field_invalid", field: "contact.firstName" })]);
    expect(row?.payload).toMatchObject({ prenom: "Ca\uFFFDmille", commentaire: "x\uFFFDy" });
    expect(readLeadJson(row?.payloadRaw as Buffer)?.value).toMatchObject({ prenom: "Ca\u0000mille", commentaire: "x\u0000y" });
  });

  it("a NUL in a column the template does not know: the row is accepted and the cell kept exactly", async () => {
    const { res, rows } = await upload(
      csvOf("assurance-auto", version, [{ commentaire: "\u0000" }], { columns: [...csvHeader("assurance-auto"), "commentaire"] }),
    );
    expect(res.json()).toMatchObject({ accepted: 1 });
    expect(rows[0]?.payload).toEqual({ commentaire: "\uFFFD" });
    expect(readLeadJson(rows[0]?.payloadRaw as Buffer)?.value).toEqual({ commentaire: "\u0000" });
  });

  it("a NUL in a header: the column is named in readable text, its cells kept", async () => {
    const csv = csvOf("assurance-auto", version, [{ "note\u0000": "à rappeler" }], {
      columns: [...csvHeader("assurance-auto"), "note\u0000"],
    });
    const { res, rows } = await upload(csv);
    expect(res.json()).toMatchObject({ status: "done", accepted: 1 });
    expect(rows[0]?.payload).toEqual({ "note\uFFFD": "à rappeler" });
  });

  it("gives the rejected row back exactly in the report, NUL included", async () => {
    const { id } = await upload(csvOf("assurance-auto", version, [{ nom: "Dup\u0000ont" }]));
    const report = await ctx.app.inject({ method: "GET", url: `/api/v1/imports/${id}/report.csv`, headers: asUser(s) });
    expect(report.body.split("\r\n")[1]?.startsWith("1;Camille;Dup\u0000ont;")).toBe(true);
  });

  it("formula cells are data: stored as sent", async () => {
    const { rows } = await upload(csvOf("assurance-auto", version, [{ prenom: "=cmd|' /C calc'!A0", email: "+33@x" }]));
    expect(rows[0]).toMatchObject({ status: "rejected" });
    expect(rows[0]?.payload).toMatchObject({ prenom: "=cmd|' /C calc'!A0", email: "+33@x" });
  });
});
