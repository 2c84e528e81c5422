import { and, eq } from "drizzle-orm";
import iconv from "iconv-lite";
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
import { auditEvents } from "../../audit/schema";
import { csvHeader, PRODUCT_SLUGS } from "../../catalogue/rules";
import { makeLeadCsv } from "./make-csv";

let ctx: TestContext;
let s: Session;
let version: string;
beforeAll(async () => {
  ctx = await createTestApp();
  s = await login(ctx.app, (await createOrgWithUser(ctx, "supplier")).email);
  version = (await publishTestConsentText(ctx)).version;
});
afterAll(() => ctx.close());

const upload = (content: string | Buffer, product = "assurance-auto", session = s, filename = "leads.csv", contentType = "text/csv") =>
  uploadCsv(ctx, session, content, { product, filename, contentType });
const storedRows = (importId: string) => importedRows(ctx, importId);

describe("CSV import: encodings, separators and French formats", () => {
  it("imports UTF-8 with a BOM and ';', accents intact", async () => {
    const csv = makeLeadCsv({ now: ctx.clock(), product: "credit-immobilier", rows: 30, consentVersion: version });
    const { id, res } = await upload(`\uFEFF${csv}`, "credit-immobilier");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id,
      status: "done",
      totalRows: 30,
      accepted: 30,
      rejected: 0,
      error: null,
      bytesRead: Buffer.byteLength(`\uFEFF${csv}`),
    });
    const rows = await storedRows(id);
    expect(rows.map((r) => r.importRow)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(rows.find((r) => r.importRow === 3)).toMatchObject({ firstName: "Hélène", channel: "csv", status: "accepted" });
    expect(rows.find((r) => r.importRow === 13)?.city).toBe("Saint-Étienne");
    expect(rows[0]?.fields).toMatchObject({ montantProjet: 285_000, typeProjet: "residence-principale" });
  });

  it("imports Windows-1252 bytes (French Excel) with ','", async () => {
    const csv = csvOf(
      "rachat-credits",
      version,
      [{ nom: "Lefèvre", code_postal: "34500", ville: "Béziers", situationFamiliale: "Célibataire", ref_externe: "Hérault" }],
      { delimiter: "," },
    );
    const { id, res } = await upload(iconv.encode(csv, "windows-1252"), "rachat-credits", s, "leads.csv", "application/octet-stream");
    expect(res.json()).toMatchObject({ status: "done", accepted: 1, rejected: 0 });
    const [lead] = await storedRows(id);
    expect(lead).toMatchObject({ lastName: "Lefèvre", city: "Béziers", externalRef: "Hérault", departement: "34" });
    expect(lead?.fields).toMatchObject({ situationFamiliale: "celibataire" });
    const finished = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, id), eq(auditEvents.action, "csv_import.finished")));
    expect(finished[0]?.data).toMatchObject({ encoding: "windows-1252", accepted: 1 });
  });

  it("says « 1300 » is an invalid postal code, on the postal code, and still reads a lost leading zero (issue 9)", async () => {
    const csv = csvOf("rachat-credits", version, [
      { code_postal: "1300", ville: "Marseille" },
      { code_postal: "6400", ville: "Cannes" },
    ]);
    const { id } = await upload(csv, "rachat-credits");
    const [bad, zero] = await storedRows(id);
    expect(bad?.status).toBe("rejected");
    expect(bad?.reasons).toEqual([
      { code: "postal_code_invalid", field: "contact.postalCode", message: "Code postal invalide : 5 chiffres attendus : 1300" },
    ]);
    expect(zero).toMatchObject({ status: "accepted", postalCode: "06400" });
  });

  it("reads French numbers and dates", async () => {
    const csv = csvOf("rachat-credits", version, [
      { mensualitesActuelles: "1 234,50 €", montantRestantDu: "250 000", consentement_date: "21/11/2026 08:15" },
    ]);
    const { id } = await upload(csv, "rachat-credits", s, "leads.csv", "text/csv; charset=utf-8");
    const [lead] = await storedRows(id);
    expect(lead?.status).toBe("accepted");
    expect(lead?.fields).toMatchObject({ mensualitesActuelles: 1234.5, montantRestantDu: 250_000 });

    const dated = csvOf("assurance-emprunteur", version, [{ dateSignaturePret: "15/03/2024", montantPret: "230 000 €" }]);
    const second = await upload(dated, "assurance-emprunteur");
    const [loan] = await storedRows(second.id);
    expect(loan?.status).toBe("accepted");
    expect(loan?.fields).toMatchObject({ dateSignaturePret: "2024-03-15", montantPret: 230_000 });
  });

  it("keeps a quoted cell with a separator and a line break in one row", async () => {
    const csv = csvOf("credit-professionnel", version, [{ typeActivite: "Boulangerie;\r\npâtisserie" }, {}]);
    const { id, res } = await upload(csv, "credit-professionnel");
    expect(res.json()).toMatchObject({ totalRows: 2, accepted: 2 });
    const rows = await storedRows(id);
    expect(rows.map((r) => r.importRow)).toEqual([1, 2]);
    expect(rows[0]?.fields).toMatchObject({ typeActivite: "Boulangerie; pâtisserie" });
  });
});

describe("CSV import: row by row judgement and the rejection report", () => {
  let importId: string;
  beforeAll(async () => {
    const csv = csvOf("assurance-auto", version, [
      {},
      { telephone: "01 23", email: "pas-un-email", case_precochee: "oui", bonusMalus: "beaucoup", ville: "Lyon" },
      {},
      { consentement_version: "inconnue" },
      {},
    ]);
    const { id, res } = await upload(csv, "assurance-auto", s, "Leads été.csv");
    importId = id;
    expect(res.json()).toMatchObject({ status: "done", totalRows: 5, accepted: 3, rejected: 2 });
  });

  it("judges each row alone and collects all its reasons", async () => {
    const rows = await storedRows(importId);
    expect(rows.map((r) => r.status)).toEqual(["accepted", "rejected", "accepted", "rejected", "accepted"]);
    expect(rows[1]?.reasons.map((r) => r.code).sort()).toEqual(
      ["city_postal_code_mismatch", "consent_prechecked", "email_invalid", "field_invalid", "phone_invalid"].sort(),
    );
    expect(rows[3]?.reasons.map((r) => r.code)).toEqual(["consent_text_unknown"]);
    expect(rows[1]?.payload).toMatchObject({ telephone: "01 23", bonusMalus: "beaucoup" });
  });

  it("serves the rejected rows as sent, with line numbers and French reasons", async () => {
    const res = await ctx.app.inject({ method: "GET", url: `/api/v1/imports/${importId}/report.csv`, headers: asUser(s) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.headers["content-disposition"]).toContain("filename*=UTF-8''rejets-Leads%20%C3%A9t%C3%A9.csv");
    expect(res.body.startsWith("\uFEFFligne;prenom;nom;telephone;")).toBe(true);
    const lines = res.body.slice(1).trimEnd().split("\r\n");
    expect(lines[0]?.endsWith(";bonusMalus;dateEcheance;motifs_rejet;codes_rejet")).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^2;Camille;Martin;01 23;pas-un-email;13001;Lyon;/);
    expect(lines[1]).toContain(";beaucoup;");
    expect(lines[1]).toContain("Numéro de téléphone invalide (France métropolitaine ou outre-mer attendu) : 01 23 | ");
    expect(lines[1]).toMatch(/;field_invalid \| phone_invalid \| email_invalid \| city_postal_code_mismatch \| consent_prechecked$/);
    expect(lines[2]).toMatch(
      /^4;.*;inconnue;.*Version du texte de consentement inconnue ou non publiée : « inconnue »;consent_text_unknown$/,
    );
  });

  it("accepts the report back once corrected, without repeating the report columns", async () => {
    const report = (await ctx.app.inject({ method: "GET", url: `/api/v1/imports/${importId}/report.csv`, headers: asUser(s) })).body;
    const fixed = report.replace(";inconnue;", `;${version};`);
    const { id, res } = await upload(fixed);
    expect(res.json()).toMatchObject({ totalRows: 2, accepted: 1, rejected: 1 });
    const again = await ctx.app.inject({ method: "GET", url: `/api/v1/imports/${id}/report.csv`, headers: asUser(s) });
    const header = again.body.slice(1).split("\r\n")[0] ?? "";
    expect(header.match(/ligne|motifs_rejet|codes_rejet/g)).toEqual(["ligne", "motifs_rejet", "codes_rejet"]);
  });

  it("keeps with an accepted row only the cells its lead does not hold, and every cell of a rejected one", async () => {
    const csv = csvOf("assurance-auto", version, [{ commentaire: "rappeler le soir" }, {}, { email: "faux" }], {
      columns: [...csvHeader("assurance-auto"), "commentaire"],
    });
    const { id } = await upload(csv);
    const [annotated, plain, rejected] = await storedRows(id);
    expect(annotated).toMatchObject({ status: "accepted", payload: { commentaire: "rappeler le soir" } });
    expect(plain).toMatchObject({ status: "accepted", payload: null });
    expect(rejected?.status).toBe("rejected");
    expect(Object.keys(rejected?.payload as object).sort()).toEqual([...csvHeader("assurance-auto"), "commentaire"].sort());
  });

  it("journals the start, each batch with the fate of every lead of its rows, and the end", async () => {
    const events = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "csv_import"), eq(auditEvents.entityId, importId)));
    expect(events.map((e) => e.action).sort()).toEqual(["csv_import.batch", "csv_import.finished", "csv_import.started"]);
    const rows = await storedRows(importId);
    const leadsOf = (status: string) => rows.filter((r) => r.status === status);
    expect(events.find((e) => e.action === "csv_import.batch")?.data).toEqual({
      product: "assurance-auto",
      channel: "csv",
      rows: [1, 5],
      accepted: leadsOf("accepted").map((r) => r.id),
      rejected: leadsOf("rejected").map((r) => ({ id: r.id, row: r.importRow, reasons: r.reasons.map((x) => x.code) })),
      // Each lead's 22-character digest, accepted then rejected: what the batch commits to.
      digests: expect.stringMatching(/^[A-Za-z0-9_-]{110}$/),
    });
    expect(events.find((e) => e.action === "csv_import.finished")?.data).toMatchObject({
      status: "done",
      totalRows: 5,
      accepted: 3,
      rejected: 2,
    });
    expect(events.find((e) => e.action === "csv_import.started")?.data).toMatchObject({ columns: expect.arrayContaining(["bonusMalus"]) });
  });
});

describe("CSV import: files refused as a whole", () => {
  it("names the missing required columns, before importing anything", async () => {
    const csv = csvOf("assurance-auto", version, [{}], {
      columns: [
        "prenom",
        "nom",
        "Téléphone",
        "email",
        "cp",
        "ville",
        "consentement_methode",
        "consentement_version",
        "consentement_date",
        "typeVehicule",
        "usage",
      ],
    });
    const { id, res } = await upload(csv);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "invalid_csv", details: { missingColumns: ["bonusMalus", "dateEcheance"] } });
    expect(res.json().error.message).toContain("Colonnes obligatoires absentes : bonusMalus, dateEcheance");
    expect(await storedRows(id)).toHaveLength(0);
    const after = await ctx.app.inject({ method: "GET", url: `/api/v1/imports/${id}`, headers: asUser(s) });
    expect(after.json()).toMatchObject({ status: "failed", totalRows: 0 });
  });

  it("refuses an empty file, an unknown product and a second upload", async () => {
    expect((await upload("")).res.json().error).toMatchObject({ code: "invalid_csv", message: "Le fichier est vide." });
    const unknown = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/imports",
      headers: asUser(s),
      payload: { product: "yacht", filename: "a.csv", sizeBytes: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe("product");
    const { id } = await upload(csvOf("assurance-auto", version, [{}]));
    const again = await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/imports/${id}/file`,
      headers: { ...asUser(s), "content-type": "text/csv" },
      payload: "a;b",
    });
    expect(again.statusCode).toBe(409);
  });
});

describe("CSV import: progress and isolation", () => {
  it("reports progress and lists the supplier's imports", async () => {
    const csv = csvOf("assurance-auto", version, [{}, {}]);
    const { id } = await upload(csv);
    const res = await ctx.app.inject({ method: "GET", url: `/api/v1/imports/${id}`, headers: asUser(s) });
    expect(res.json()).toMatchObject({
      id,
      product: "assurance-auto",
      filename: "leads.csv",
      status: "done",
      sizeBytes: Buffer.byteLength(csv),
      bytesRead: Buffer.byteLength(csv),
      totalRows: 2,
      accepted: 2,
    });
    expect(res.json().finishedAt).not.toBeNull();
    const list = await ctx.app.inject({ method: "GET", url: "/api/v1/imports", headers: asUser(s) });
    expect(list.json().items[0].id).toBe(id);
  });

  it("hides an import from another supplier", async () => {
    const { id } = await upload(csvOf("assurance-auto", version, [{}]));
    const other = await login(ctx.app, (await createOrgWithUser(ctx, "supplier")).email);
    for (const url of [`/api/v1/imports/${id}`, `/api/v1/imports/${id}/report.csv`]) {
      expect((await ctx.app.inject({ method: "GET", url, headers: asUser(other) })).statusCode).toBe(404);
    }
    const put = await ctx.app.inject({
      method: "PUT",
      url: `/api/v1/imports/${id}/file`,
      headers: { ...asUser(other), "content-type": "text/csv" },
      payload: "a",
    });
    expect(put.statusCode).toBe(404);
    const list = await ctx.app.inject({ method: "GET", url: "/api/v1/imports", headers: asUser(other) });
    expect(list.json().items).toEqual([]);
    const broker = await login(ctx.app, (await createOrgWithUser(ctx, "broker_admin")).email);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/imports", headers: asUser(broker) })).statusCode).toBe(403);
  });
});

describe("CSV templates", () => {
  it("publishes a template per product, with the consent version in force, whose example row is accepted as is", async () => {
    for (const slug of PRODUCT_SLUGS) {
      const res = await ctx.app.inject({ method: "GET", url: `/api/v1/catalogue/${slug}/template.csv` });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-disposition"]).toContain(`modele-${slug}.csv`);
      expect(res.body.startsWith("\uFEFFprenom;nom;")).toBe(true);
      expect(res.body).toContain(`;case;non;${version};`);
      const { res: imported } = await upload(res.body, slug);
      expect(imported.json(), slug).toMatchObject({ status: "done", accepted: 1, rejected: 0 });
    }
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/catalogue/yacht/template.csv" })).statusCode).toBe(404);
    // Eighteen imports one after the other: on a loaded two-core machine they took over 30 s.
  }, 120_000);
});
