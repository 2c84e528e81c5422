import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import {
  asUser,
  bearer,
  createOrgWithUser,
  createTestApp,
  json,
  login,
  publishTestConsentText,
  type Session,
  type TestContext,
} from "../../../tests/support/test-app";
import { makeSiret } from "../../seed/fixtures/siret";
import { auditEvents } from "../audit/schema";
import { createClientWithFirstContract } from "./create-client-with-first-contract";
import { loadClientRecord } from "./load-client-record";
import { clients, contracts } from "./schema";

let ctx: TestContext;
let admin: Session;
let orgId: string;
let adminId: string;
let agencyId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  const a = await createOrgWithUser(ctx, "broker_admin");
  orgId = a.org.id;
  adminId = a.user.id;
  admin = await login(ctx.app, a.email);
  const res = await call("POST", "/api/v1/crm/agencies", { name: "Corniche", brand: "Allianz", phone: "04 91 00 00 00" });
  expect(res.statusCode).toBe(201);
  agencyId = json(res).id;
});
afterAll(() => ctx.close());

function call(method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: object, session = admin) {
  return ctx.app.inject({ method, url, headers: asUser(session), ...(payload ? { payload } : {}) });
}

const particulier = (over: Record<string, unknown> = {}) => ({
  type: "particulier",
  civility: "Mme",
  firstName: "Claire",
  lastName: "Dupont",
  birthDate: "1985-04-12",
  addressLine: "12 rue Paradis",
  postalCode: "13001",
  city: "marseille",
  phone: "06 12 34 56 78",
  email: "Claire.Dupont@Example.fr",
  maritalStatus: "marie",
  professionalStatus: "salarie_prive",
  origin: "recommandation",
  ...over,
});
const autoContract = (over: Record<string, unknown> = {}) => ({
  productLine: "auto",
  startDate: "2026-01-15",
  premiumCents: 64_500,
  dpSigned: false,
  documentsProvided: ["carte_grise", "permis_conduire"],
  ...over,
});

describe("one-step creation of a client with its first contract", () => {
  it("creates both, normalises the contact data and computes the preparation checklist", async () => {
    const res = await call("POST", "/api/v1/crm/clients", {
      client: particulier({ agencyId, accountManagerId: adminId }),
      contract: autoContract(),
    });
    expect(res.statusCode).toBe(201);
    const body = json(res);
    expect(body.client).toMatchObject({
      phone: "+33612345678",
      email: "claire.dupont@example.fr",
      city: "Marseille",
      mailingAddress: "12 rue Paradis, 13001 Marseille",
      displayName: "DUPONT Claire",
    });
    expect(body.agency).toMatchObject({ name: "Corniche", brand: "Allianz" });
    expect(body.contracts).toHaveLength(1);
    expect(body.contracts[0]).toMatchObject({ productLine: "auto", premiumCents: 64_500, sellerId: adminId, dpSigned: false });
    expect(body.contracts[0].documents.filter((d: { provided: boolean }) => !d.provided).map((d: { key: string }) => d.key)).toEqual([
      "releve_information",
      "cni",
    ]);
    const ids = body.preparationChecklist.map((i: { id: string }) => i.id);
    expect(ids).toContain(`signature:${body.contracts[0].id}:dp`);
    expect(ids).toContain(`document:${body.contracts[0].id}:cni`);
    const loaded = await loadClientRecord(ctx.db, orgId, body.client.id);
    expect(loaded?.client.mailingAddress).toBe("12 rue Paradis, 13001 Marseille");
    expect(loaded?.contracts[0]?.documentsProvided).toEqual(["carte_grise", "permis_conduire"]);
    const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, body.client.id));
    expect(events.map((e) => e.action)).toEqual(["client.created"]);
  });

  it("keeps the legal form, the manager's mandate, the pets' species and the tax band (issue 9)", async () => {
    const res = await call("POST", "/api/v1/crm/clients", {
      client: particulier({ lastName: "Espèces", petSpecies: ["chat", "chien", "chat"], incomeTaxRate: 41 }),
      contract: autoContract(),
    });
    expect(res.statusCode).toBe(201);
    expect(json(res).client).toMatchObject({ petSpecies: ["chien", "chat"], incomeTaxRate: 41 });
    const company = await call("POST", "/api/v1/crm/clients", {
      client: { type: "entreprise", companyName: "Maçonnerie Durand SARL", legalForm: "sarl", managerRole: "gerant_majoritaire" },
      contract: { productLine: "rc_decennale", startDate: "2025-11-02" },
    });
    expect(company.statusCode).toBe(201);
    expect(json(company).client).toMatchObject({ legalForm: "sarl", managerRole: "gerant_majoritaire" });
    // A mason filed as particulier with only his NAF code: the record detail says a TNS is to check.
    const mason = await call("POST", "/api/v1/crm/clients", {
      client: particulier({ lastName: "Maçon", professionalStatus: null, nafCode: "4399C", activity: "Maçon" }),
      contract: autoContract(),
    });
    const detail = json(await call("GET", `/api/v1/crm/clients/${json(mason).client.id}`));
    expect(detail.tns).toMatchObject({ certainty: "to_check", signal: "business_number" });
    expect(detail.tns.reason).toMatch(/^Code NAF 43\.99C \(.+\) et activité « Maçon » sur une fiche particulier/);
  });

  it("accepts a company with a La Poste SIRET and canonicalises the NAF code", async () => {
    const res = await call("POST", "/api/v1/crm/clients", {
      client: {
        type: "entreprise",
        companyName: "Bureau de poste Rouvière",
        siret: "356 000 000 49837",
        nafCode: "5310z",
        activity: "Activités de poste",
        annualRevenue: 1_200_000,
        headcount: 12,
        managerName: "Paul Martin",
        insuranceContactName: "Sophie Bernard",
        postalCode: "13009",
        city: "Marseille",
      },
      contract: { productLine: "multirisque_pro", startDate: "2025-11-02", dpSigned: true },
    });
    expect(res.statusCode).toBe(201);
    expect(json(res).client).toMatchObject({ siret: "35600000049837", nafCode: "53.10Z", displayName: "Bureau de poste Rouvière" });
  });

  it.each([
    ["client.siret", { siret: "73282932049837" }, "clé de contrôle"],
    ["client.siret", { siret: "1234" }, "14 chiffres"],
    ["client.nafCode", { nafCode: "99.99Z" }, "nomenclature officielle"],
    ["client.phone", { phone: "01 23" }, "téléphone invalide"],
    ["client.email", { email: "pas-un-mail" }, "e-mail invalide"],
    ["client.city", { city: "Lyon" }, "ne correspond pas au code postal"],
    ["client.postalCode", { postalCode: "99999" }, "inconnu"],
    // Issue 9: a code with a digit missing is the postal code's fault, not the city's.
    ["client.postalCode", { postalCode: "1300" }, "Code postal « 1300 » invalide : 5 chiffres attendus"],
    ["client.postalCode", { postalCode: "13OO1" }, "5 chiffres attendus"],
    ["body.client.incomeTaxRate", { incomeTaxRate: 25 }, "Tranche marginale d'imposition du client : valeur non autorisée"],
    ["body.client.legalForm", { legalForm: "gmbh" }, "Forme juridique du client : valeur non autorisée"],
    ["body.client.petSpecies.0", { petSpecies: ["poisson"] }, "Espèce d'animal 1 du client : valeur non autorisée"],
    ["client.birthDate", { birthDate: "1990-02-30" }, "invalide"],
    ["client.lastName", { lastName: "  " }, "obligatoire"],
  ])("rejects %s with a French message (%o)", async (field, over, message) => {
    const before = await ctx.db.select({ id: clients.id }).from(clients);
    const res = await call("POST", "/api/v1/crm/clients", { client: particulier(over), contract: autoContract() });
    expect(res.statusCode).toBe(400);
    expect(json(res).error).toMatchObject({ code: "validation_error", field });
    expect(json(res).error.message).toContain(message);
    expect(await ctx.db.select({ id: clients.id }).from(clients)).toHaveLength(before.length);
  });

  it("leaves no client behind when the contract is bad, whatever the reason", async () => {
    const count = async () => (await ctx.db.select({ id: clients.id }).from(clients)).length;
    const before = await count();
    const cases = [
      { contract: autoContract({ startDate: null }), field: "contract.startDate" },
      { contract: autoContract({ documentsProvided: ["kbis"] }), field: "contract.documentsProvided" },
      { contract: autoContract({ sellerId: "00000000-0000-4000-8000-000000000000" }), field: "contract.sellerId" },
      { contract: autoContract({ productLine: "yacht" }), field: "body.contract.productLine" },
      { contract: autoContract({ premiumCents: -5 }), field: "body.contract.premiumCents" },
    ];
    for (const c of cases) {
      const res = await call("POST", "/api/v1/crm/clients", { client: particulier(), contract: c.contract });
      expect(res.statusCode, c.field).toBe(400);
      expect(json(res).error.field).toBe(c.field);
    }
    // A database refusal after the client row was written (duplicate contract reference) rolls it back too.
    const first = await call("POST", "/api/v1/crm/clients", { client: particulier(), contract: autoContract({ externalRef: "CT-1" }) });
    expect(first.statusCode).toBe(201);
    const dup = await call("POST", "/api/v1/crm/clients", {
      client: particulier({ lastName: "Autre" }),
      contract: autoContract({ externalRef: "CT-1" }),
    });
    expect(dup.statusCode).toBe(409);
    expect(json(dup).error).toMatchObject({ code: "external_ref_taken", field: "contract.externalRef" });
    expect(await count()).toBe(before + 1);
  });
});

describe("lead conversion entry point", () => {
  it("links the client to its lead once, and refuses an unknown lead or a second conversion", async () => {
    const supplier = await createOrgWithUser(ctx, "supplier");
    const { version } = await publishTestConsentText(ctx);
    const sent = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/leads",
      headers: bearer(supplier.apiKey as string),
      payload: validLead(version),
    });
    expect(json(sent).status).toBe("accepted");
    const leadId = json(sent).id as string;
    const auth = { orgId, userId: adminId };
    const input = {
      client: { type: "particulier" as const, lastName: "Converti", origin: "lead" as const },
      contract: { productLine: "auto" as const, startDate: "2026-02-01" },
    };
    const { clientId } = await ctx.db.transaction((tx) =>
      createClientWithFirstContract(tx, auth, { ...input, sourceLeadId: leadId }, ctx.clock()),
    );
    expect((await loadClientRecord(ctx.db, orgId, clientId))?.client.sourceLeadId).toBe(leadId);
    await expect(
      ctx.db.transaction((tx) => createClientWithFirstContract(tx, auth, { ...input, sourceLeadId: leadId }, ctx.clock())),
    ).rejects.toMatchObject({
      code: "lead_already_converted",
    });
    await expect(
      ctx.db.transaction((tx) =>
        createClientWithFirstContract(tx, auth, { ...input, sourceLeadId: "00000000-0000-4000-8000-000000000000" }, ctx.clock()),
      ),
    ).rejects.toMatchObject({ code: "validation_error", field: "sourceLeadId" });
  });
});

describe("updates", () => {
  it("PATCH answers each changed field before and after, and ignores unchanged normalised values", async () => {
    const created = json(await call("POST", "/api/v1/crm/clients", { client: particulier(), contract: autoContract() }));
    const id = created.client.id;
    const res = await call("PATCH", `/api/v1/crm/clients/${id}`, {
      phone: "+33 6 12 34 56 78",
      maritalStatus: "divorce",
      addressLine: "3 boulevard de la Corniche",
      postalCode: "13007",
      city: "Marseille",
      type: "professionnel",
      isTns: true,
      siret: makeSiret("81234567"),
    });
    expect(res.statusCode).toBe(200);
    const changes = Object.fromEntries(json(res).changes.map((c: { field: string; before: unknown; after: unknown }) => [c.field, c]));
    expect(Object.keys(changes).sort()).toEqual(
      ["addressLine", "isTns", "maritalStatus", "mailingAddress", "postalCode", "siret", "type"].sort(),
    );
    expect(changes.maritalStatus).toMatchObject({ before: "marie", after: "divorce" });
    expect(changes.mailingAddress).toMatchObject({
      before: "12 rue Paradis, 13001 Marseille",
      after: "3 boulevard de la Corniche, 13007 Marseille",
    });

    const bad = await call("PATCH", `/api/v1/crm/clients/${id}`, { siret: "12345678901234", phone: "0612345679" });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.field).toBe("siret");
    const [row] = await ctx.db.select().from(clients).where(eq(clients.id, id));
    expect(row?.phone).toBe("+33612345678");
  });

  it("updates a contract's signatures and documents, and checks the documents against its line", async () => {
    const created = json(await call("POST", "/api/v1/crm/clients", { client: particulier(), contract: autoContract() }));
    const contractId = created.contracts[0].id;
    const res = await call("PATCH", `/api/v1/crm/contracts/${contractId}`, {
      dpSigned: true,
      documentsProvided: ["carte_grise", "permis_conduire", "releve_information", "cni"],
    });
    expect(res.statusCode).toBe(200);
    expect(
      json(res)
        .changes.map((c: { field: string }) => c.field)
        .sort(),
    ).toEqual(["documentsProvided", "dpSigned"]);
    const detail = json(await call("GET", `/api/v1/crm/clients/${created.client.id}`));
    expect(
      detail.preparationChecklist.filter((i: { category: string }) => i.category === "signature" || i.category === "document"),
    ).toEqual([]);

    const bad = await call("PATCH", `/api/v1/crm/contracts/${contractId}`, { documentsProvided: ["kbis"] });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error).toMatchObject({ field: "documentsProvided" });
    expect(json(bad).error.message).toContain("Auto");
  });

  it("adds a contract held elsewhere without a start date", async () => {
    const created = json(await call("POST", "/api/v1/crm/clients", { client: particulier(), contract: autoContract() }));
    const res = await call("POST", `/api/v1/crm/clients/${created.client.id}/contracts`, {
      productLine: "habitation",
      isOurs: false,
      insurerName: "MAIF",
      renewalDate: "2026-09-01",
    });
    expect(res.statusCode).toBe(201);
    expect(json(res)).toMatchObject({ isOurs: false, insurerName: "MAIF", sellerId: null });
    const [{ n } = { n: 0 }] = await ctx.db
      .select({ n: contracts.id })
      .from(contracts)
      .where(eq(contracts.id, json(res).id));
    expect(n).toBeTruthy();
  });
});

describe("list", () => {
  it("filters by agency, type and search words, paginated", async () => {
    await call("POST", "/api/v1/crm/clients", {
      client: particulier({ firstName: "Hugo", lastName: "Zébulon", agencyId, postalCode: "13100", city: "Aix-en-Provence" }),
      contract: autoContract(),
    });
    const byName = json(await call("GET", "/api/v1/crm/clients?q=zébulon%20aix"));
    expect(byName.items.map((c: { displayName: string }) => c.displayName)).toEqual(["ZÉBULON Hugo"]);
    expect(byName.items[0]).toMatchObject({ agency: { name: "Corniche" }, contractsCount: 1, firstContractStart: "2026-01-15" });
    expect(byName.items[0].toComplete).toBeGreaterThan(0);
    const byPhone = json(await call("GET", "/api/v1/crm/clients?q=0612345678"));
    expect(byPhone.total).toBeGreaterThan(0);
    const companies = json(await call("GET", "/api/v1/crm/clients?type=entreprise"));
    expect(companies.items.every((c: { type: string }) => c.type === "entreprise")).toBe(true);
    const inAgency = json(await call("GET", `/api/v1/crm/clients?agencyId=${agencyId}&pageSize=1`));
    expect(inAgency.items).toHaveLength(1);
    expect(inAgency.total).toBeGreaterThanOrEqual(2);
    const page2 = json(await call("GET", `/api/v1/crm/clients?agencyId=${agencyId}&pageSize=1&page=2`));
    expect(page2.items[0].id).not.toBe(inAgency.items[0].id);
  });
});
