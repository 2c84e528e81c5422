import { Readable } from "node:stream";
import { and, eq } from "drizzle-orm";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asUser, createOrgWithUser, createTestApp, json, login, type Session, type TestContext } from "../../../../tests/support/test-app";
import { makeSiret } from "../../../seed/fixtures/siret";
import { clients, contracts, crmImports } from "../schema";
import { createCrmImport, getCrmImport } from "./crm-imports";
import { importCrmCsv } from "./import-crm-csv";

let ctx: TestContext;
let admin: Session;
let orgId: string;
let agentId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  const a = await createOrgWithUser(ctx, "broker_admin");
  orgId = a.org.id;
  admin = await login(ctx.app, a.email);
  expect((await call("POST", "/api/v1/crm/agencies", { name: "Corniche", brand: "Allianz" })).statusCode).toBe(201);
  const agent = await call("POST", "/api/v1/crm/team", {
    email: "julien.morel@cabinet.test",
    firstName: "Julien",
    lastName: "Morel",
    role: "broker_agent",
    password: "mot-de-passe-initial",
  });
  expect(agent.statusCode).toBe(201);
  agentId = json(agent).id;
});
afterAll(() => ctx.close());

function call(
  method: "GET" | "POST" | "PUT",
  url: string,
  payload?: object | string,
  session = admin,
  headers: Record<string, string> = {},
) {
  return ctx.app.inject({ method, url, headers: { ...asUser(session), ...headers }, ...(payload !== undefined ? { payload } : {}) });
}
const sendCsv = (url: string, bytes: Buffer, method: "POST" | "PUT" = "PUT", session = admin) =>
  call(method, url, bytes as unknown as string, session, { "content-type": "text/csv" });

const SIRET = makeSiret("81234567");
const HEADER =
  "N° client;Civilité;Nom;Prénom;Raison sociale;Né(e) le;Adresse;CP;Ville;Tél.;Courriel;Situation familiale;SIRET;Code APE;Agence;Conseiller;N° de police;Produit;Date d'effet;Prime annuelle;Vendeur;DP signées;Pièces fournies";
const ROWS = [
  // Two contracts of one client, by client reference.
  "C001;Mme;Dupré;Hélène;;12/04/1985;12 rue Paradis;13001;Marseille;06 12 34 56 78;helene.dupre@example.fr;Mariée;;;Corniche;Julien Morel;P-1;Auto;15/01/2026;645,00;julien.morel@cabinet.test;Non;Carte grise, permis",
  "C001;Mme;Dupré;Hélène;;12/04/1985;12 rue Paradis;13001;Marseille;;;;;;Corniche;;P-2;MRH;01/02/2026;210;;Oui;CNI",
  // Two rows of one professional without reference: same SIRET.
  `;M.;Garnier;Éloi;Garnier Électricité;;5 avenue du Prado;13008;Marseille;0491000000;;;${SIRET};43.21A;;;;RC pro;03/11/2025;1 200,50;;Oui;`,
  `;M.;Garnier;Éloi;Garnier Électricité;;;;;;;;${SIRET};;;;;Multirisque pro;03/11/2025;800;;;`,
  // Same person without reference nor SIRET: name + birth date + postal code.
  ";M.;Roux;Marc;;07/07/1970;1 place Castellane;13006;Marseille;;;;;;;;;Santé;01/12/2025;900;;Oui;",
  ";M.;ROUX;Marc;;07/07/1970;;13006;Marseille;;;;;;;;;Prévoyance;01/12/2025;300;;Oui;",
  // Rejected rows.
  "C009;M.;Faux;Siret;;;;13001;Marseille;;;;73282932049837;;;;;Auto;01/01/2026;100;;;",
  "C010;M.;Sans;Produit;;;;13001;Marseille;;;;;;Rouvière;;;;01/01/2026;100;;;",
];
const FILE = iconv.encode(`${[HEADER, ...ROWS].join("\r\n")}\r\n`, "windows-1252");

async function importFile(bytes: Buffer, mapping: Record<string, string | null>) {
  const created = await call("POST", "/api/v1/crm/imports", { filename: "export-lagon.csv", sizeBytes: bytes.length, mapping });
  expect(created.statusCode, created.body).toBe(201);
  const id = json(created).id as string;
  const res = await sendCsv(`/api/v1/crm/imports/${id}/file`, bytes);
  expect(res.statusCode, res.body).toBe(200);
  return { id, summary: json(res) };
}

describe("CRM import", () => {
  let mapping: Record<string, string | null>;

  it("previews a Windows-1252 file with ';': columns, sample rows and a suggested mapping", async () => {
    const res = await sendCsv("/api/v1/crm/imports/preview", FILE, "POST");
    expect(res.statusCode, res.body).toBe(200);
    const body = json(res);
    expect(body).toMatchObject({ encoding: "windows-1252", delimiter: ";" });
    expect(body.columns).toContain("Prénom");
    expect(body.sampleRows[0]).toContain("Hélène");
    expect(body.suggestedMapping).toMatchObject({
      "N° client": "clientRef",
      Nom: "lastName",
      Prénom: "firstName",
      CP: "postalCode",
      "Tél.": "phone",
      Courriel: "email",
      "Code APE": "nafCode",
      "N° de police": "contractRef",
      Produit: "productLine",
      "Date d'effet": "startDate",
      "Prime annuelle": "premium",
      "DP signées": "dpSigned",
      "Pièces fournies": "documentsProvided",
      Agence: "agency",
      Conseiller: "accountManager",
    });
    // The user completes what was not recognised.
    mapping = { ...body.suggestedMapping, "Né(e) le": "birthDate" };
  });

  it("refuses a mapping without a product column or with a field used twice", async () => {
    const res = await call("POST", "/api/v1/crm/imports", { filename: "x.csv", mapping: { Nom: "lastName", Prénom: "lastName" } });
    expect(res.statusCode).toBe(400);
    const fields = json(res).error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(["mapping.Prénom", "mapping"]);
  });

  it("imports, groups rows of one client, and reports the rejected rows with French reasons", async () => {
    const { id, summary } = await importFile(FILE, mapping);
    expect(summary).toMatchObject({
      status: "done",
      totalRows: 8,
      clientsCreated: 3,
      clientsUpdated: 0,
      contractsCreated: 6,
      rejectedRows: 2,
      error: null,
    });
    expect(summary.bytesRead).toBe(FILE.length);

    const all = await ctx.db.select().from(clients).where(eq(clients.orgId, orgId));
    expect(all).toHaveLength(3);
    const helene = all.find((c) => c.externalRef === "C001");
    expect(helene).toMatchObject({
      firstName: "Hélène",
      phone: "+33612345678",
      maritalStatus: "marie",
      birthDate: "1985-04-12",
      accountManagerId: agentId,
    });
    const heleneContracts = await ctx.db
      .select()
      .from(contracts)
      .where(eq(contracts.clientId, helene?.id as string));
    expect(heleneContracts.map((c) => [c.externalRef, c.productLine, c.premiumCents, c.dpSigned]).sort()).toEqual([
      ["P-1", "auto", 64_500, false],
      ["P-2", "habitation", 21_000, true],
    ]);
    expect(heleneContracts.find((c) => c.externalRef === "P-1")).toMatchObject({
      sellerId: agentId,
      documentsProvided: ["carte_grise", "permis_conduire"],
    });
    const garnier = all.find((c) => c.siret === SIRET);
    expect(garnier).toMatchObject({ type: "professionnel", nafCode: "43.21A", companyName: "Garnier Électricité" });
    const roux = all.find((c) => c.lastName?.toLowerCase() === "roux");
    expect(
      (
        await ctx.db
          .select()
          .from(contracts)
          .where(eq(contracts.clientId, roux?.id as string))
      )
        .map((c) => c.productLine)
        .sort(),
    ).toEqual(["prevoyance", "sante"]);

    const report = await call("GET", `/api/v1/crm/imports/${id}/rejects.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.headers["content-disposition"]).toContain("rejets-export-lagon.csv");
    const lines = report.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(`ligne;${HEADER};motifs_rejet`);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^8;C009;/);
    expect(lines[1]).toContain("SIRET : SIRET invalide : la clé de contrôle ne correspond pas");
    expect(lines[2]).toMatch(/^9;C010;/);
    expect(lines[2]).toContain("Agence : agence « Rouvière » inconnue");
    expect(lines[2]).toContain("Produit du contrat manquant");
  });

  it("imports the legal form, the mandate, the pets' species and the tax band; rejects « Animaux : Oui » asking which (issue 9)", async () => {
    const header = "N° client;Nom;Forme juridique;Qualité du dirigeant;Animaux;TMI;Produit;Date d'effet";
    const bytes = Buffer.from(
      [
        header,
        "T001;Bâtisseurs;SARL;Gérant majoritaire;;;RC décennale;02/11/2025",
        "T002;Lachat;;;Chien, chat;41 %;Auto;02/11/2025",
        "T003;Flou;;;Oui;;Auto;02/11/2025",
      ].join("\r\n"),
    );
    // Another cabinet, so the other tests' counts stay theirs.
    const other = await createOrgWithUser(ctx, "broker_admin");
    const session = await login(ctx.app, other.email);
    const preview = await sendCsv("/api/v1/crm/imports/preview", bytes, "POST", session);
    const suggested = json(preview).suggestedMapping as Record<string, string | null>;
    expect(suggested).toMatchObject({
      "Forme juridique": "legalForm",
      "Qualité du dirigeant": "managerRole",
      Animaux: "petSpecies",
      TMI: "incomeTaxRate",
    });
    const created = await call(
      "POST",
      "/api/v1/crm/imports",
      { filename: "tns.csv", sizeBytes: bytes.length, mapping: suggested },
      session,
    );
    const id = json(created).id as string;
    const summary = json(await sendCsv(`/api/v1/crm/imports/${id}/file`, bytes, "PUT", session));
    expect(summary).toMatchObject({ clientsCreated: 2, rejectedRows: 1 });
    const rows = await ctx.db.select().from(clients).where(eq(clients.orgId, other.org.id));
    expect(rows.find((r) => r.externalRef === "T001")).toMatchObject({ legalForm: "sarl", managerRole: "gerant_majoritaire" });
    expect(rows.find((r) => r.externalRef === "T002")).toMatchObject({ petSpecies: ["chien", "chat"], incomeTaxRate: 41 });
    const report = (await call("GET", `/api/v1/crm/imports/${id}/rejects.csv`, undefined, session)).body;
    expect(report).toContain("Animaux : « Oui » : espèce attendue (chien, chat, autre) ou « aucun »");
  });

  it("updates on re-import instead of duplicating, and keeps stored values where cells are blank", async () => {
    const changed = iconv.encode(
      `${[HEADER, ROWS[0]?.replace("Mariée", "Divorcée").replace("645,00", "700"), ROWS[1], ROWS[4]].join("\r\n")}\r\n`,
      "windows-1252",
    );
    const { summary } = await importFile(changed, mapping);
    expect(summary).toMatchObject({
      status: "done",
      totalRows: 3,
      clientsCreated: 0,
      clientsUpdated: 2,
      contractsCreated: 0,
      contractsUpdated: 3,
      rejectedRows: 0,
    });
    const [helene] = await ctx.db
      .select()
      .from(clients)
      .where(and(eq(clients.orgId, orgId), eq(clients.externalRef, "C001")));
    // Row 2 of the file has no phone: the one stored stays.
    expect(helene).toMatchObject({ maritalStatus: "divorce", phone: "+33612345678" });
    const [p1] = await ctx.db.select().from(contracts).where(eq(contracts.externalRef, "P-1"));
    expect(p1?.premiumCents).toBe(70_000);
    expect(await ctx.db.select().from(clients).where(eq(clients.orgId, orgId))).toHaveLength(3);
    expect(await ctx.db.select().from(contracts).where(eq(contracts.orgId, orgId))).toHaveLength(6);
  });

  it("refuses a row that would move a contract to another client, and reports it with its cells", async () => {
    const row = ROWS[0]?.replace(/^C001;/, "C777;") as string;
    const { id, summary } = await importFile(iconv.encode(`${HEADER}\r\n${row}\r\n`, "windows-1252"), mapping);
    expect(summary).toMatchObject({ totalRows: 1, clientsCreated: 0, contractsCreated: 0, rejectedRows: 1 });
    const report = (await call("GET", `/api/v1/crm/imports/${id}/rejects.csv`)).body;
    expect(report).toContain("2;C777;Mme;Dupré;Hélène;");
    expect(report).toContain("Le contrat « P-1 » est déjà rattaché à un autre client");
    const [p1] = await ctx.db.select({ clientId: contracts.clientId }).from(contracts).where(eq(contracts.externalRef, "P-1"));
    const [owner] = await ctx.db
      .select({ ref: clients.externalRef })
      .from(clients)
      .where(eq(clients.id, p1?.clientId as string));
    expect(owner?.ref).toBe("C001");
  });

  it("refuses a row with a NUL byte in a cell, imports the others, and reports the row readably", async () => {
    const other = await createOrgWithUser(ctx, "broker_admin");
    const auth = { orgId: other.org.id, userId: other.user.id };
    const csv = Buffer.from("Ref;Nom;Produit;Effet;Note\nK1;Mar\u0000tin;Auto;01/01/2026;\nK2;Blanc;Auto;01/03/2026;a\u0000b\n");
    const m = { Ref: "clientRef", Nom: "lastName", Produit: "productLine", Effet: "startDate" };
    const a = await createCrmImport(ctx.db, auth, { filename: "nul.csv", mapping: m });
    const { summary } = await importCrmCsv(ctx.db, auth, a.id, Readable.from([csv]), { clock: ctx.clock });
    expect(summary).toMatchObject({ status: "done", totalRows: 2, clientsCreated: 1, rejectedRows: 1 });
    const [stored] = await ctx.db.select({ report: crmImports.report }).from(crmImports).where(eq(crmImports.id, a.id));
    expect(stored?.report).toEqual([
      {
        line: 2,
        record: { Ref: "K1", Nom: "Mar\uFFFDtin", Produit: "Auto", Effet: "01/01/2026", Note: "" },
        reasons: [expect.stringMatching(/^Nom : caractère nul/), "Nom ou raison sociale manquant"],
      },
    ]);
  });

  it("answers 400 when the file lacks a mapped column, and 409 when a file is sent twice", async () => {
    const created = json(await call("POST", "/api/v1/crm/imports", { filename: "autre.csv", mapping }));
    const res = await sendCsv(`/api/v1/crm/imports/${created.id}/file`, Buffer.from("Nom;Produit\nDurand;Auto\n"));
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toContain("Colonnes absentes du fichier");
    expect(json(await call("GET", `/api/v1/crm/imports/${created.id}`)).status).toBe("failed");
    expect((await sendCsv(`/api/v1/crm/imports/${created.id}/file`, FILE)).statusCode).toBe(409);
  });

  it("hides an organisation's imports from another one", async () => {
    const { id } = await importFile(FILE, mapping);
    const other = await createOrgWithUser(ctx, "broker_admin");
    const b = await login(ctx.app, other.email);
    expect((await call("GET", `/api/v1/crm/imports/${id}`, undefined, b)).statusCode).toBe(404);
    expect((await call("GET", `/api/v1/crm/imports/${id}/rejects.csv`, undefined, b)).statusCode).toBe(404);
    expect((await sendCsv(`/api/v1/crm/imports/${id}/file`, FILE, "PUT", b)).statusCode).toBe(404);
    expect(json(await call("GET", "/api/v1/crm/imports", undefined, b)).items).toEqual([]);
  });

  it("groups rows of one client across batches, counts each batch, and stops past the row limit", async () => {
    const other = await createOrgWithUser(ctx, "broker_admin");
    const auth = { orgId: other.org.id, userId: other.user.id };
    const csv = Buffer.from(
      [
        "Ref;Nom;Produit;Effet",
        "K1;Martin;Auto;01/01/2026",
        "K1;Martin;GAV;01/02/2026",
        "K2;Blanc;Auto;01/03/2026",
        "K1;Martin;PJ;01/03/2026",
      ].join("\n"),
    );
    const m = { Ref: "clientRef", Nom: "lastName", Produit: "productLine", Effet: "startDate" };
    const a = await createCrmImport(ctx.db, auth, { filename: "lots.csv", mapping: m });
    const { summary } = await importCrmCsv(ctx.db, auth, a.id, Readable.from([csv]), { clock: ctx.clock, batchSize: 1 });
    expect(summary).toMatchObject({
      status: "done",
      totalRows: 4,
      clientsCreated: 2,
      contractsCreated: 4,
      clientsUpdated: 0,
      bytesRead: csv.length,
    });

    const b = await createCrmImport(ctx.db, auth, { filename: "trop.csv", mapping: m });
    const limited = await importCrmCsv(ctx.db, auth, b.id, Readable.from([csv]), { clock: ctx.clock, batchSize: 1, maxRows: 2 });
    expect(limited.summary).toMatchObject({ status: "failed", totalRows: 2, clientsUpdated: 1, contractsUpdated: 2 });
    expect((await getCrmImport(ctx.db, auth.orgId, b.id)).error).toContain("dépasse 2 lignes");
  });
});

describe("CRM rejection report", () => {
  it("neutralises the cells a spreadsheet would run", async () => {
    const m = { Nom: "lastName", Produit: "productLine", Effet: "startDate", Note: null };
    const csv = Buffer.from(
      ["Nom;Produit;Effet;Note", "=cmd|' /C calc'!A0;Yacht;01/01/2026;@SUM(1+1)", "+Durand;Auto;pas une date;-3"].join("\r\n"),
    );
    const { id, summary } = await importFile(csv, m);
    expect(summary).toMatchObject({ rejectedRows: 2 });
    const report = (await call("GET", `/api/v1/crm/imports/${id}/rejects.csv`)).body.replace(/^\uFEFF/, "").split("\r\n");
    expect(report[1]).toMatch(/^2;'=cmd\|' \/C calc'!A0;Yacht;01\/01\/2026;'@SUM\(1\+1\);/);
    expect(report[2]).toMatch(/^3;'\+Durand;Auto;pas une date;'-3;/);
  });
});
