import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asUser, createOrgWithUser, createTestApp, json, login, type Session, type TestContext } from "../../../tests/support/test-app";
import { agencyMembers } from "./schema";

let ctx: TestContext;
let adminA: Session;
let agentA: Session;
let adminB: Session;

beforeAll(async () => {
  ctx = await createTestApp();
  const a = await createOrgWithUser(ctx, "broker_admin");
  adminA = await login(ctx.app, a.email);
  const b = await createOrgWithUser(ctx, "broker_admin");
  adminB = await login(ctx.app, b.email);
});
afterAll(() => ctx.close());

function call(session: Session, method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: object) {
  return ctx.app.inject({ method, url, headers: asUser(session), ...(payload ? { payload } : {}) });
}

describe("agencies", () => {
  let corniche: string;
  let rouviere: string;

  it("lets the broker admin create, rename and list agencies, with unique names", async () => {
    const c = await call(adminA, "POST", "/api/v1/crm/agencies", { name: "Corniche", brand: "Allianz", email: "Corniche@Agence.fr" });
    expect(c.statusCode).toBe(201);
    expect(json(c)).toMatchObject({ name: "Corniche", brand: "Allianz", email: "corniche@agence.fr" });
    corniche = json(c).id;
    rouviere = json(await call(adminA, "POST", "/api/v1/crm/agencies", { name: "Rouviere", brand: "Allianz" })).id;
    const renamed = await call(adminA, "PATCH", `/api/v1/crm/agencies/${rouviere}`, { name: "Rouvière", phone: "04 91 75 00 00" });
    expect(renamed.statusCode).toBe(200);
    expect(json(renamed)).toMatchObject({ name: "Rouvière", phone: "+33491750000" });
    const dup = await call(adminA, "POST", "/api/v1/crm/agencies", { name: "Corniche" });
    expect(dup.statusCode).toBe(409);
    expect(json(dup).error.field).toBe("name");
    const bad = await call(adminA, "POST", "/api/v1/crm/agencies", { name: "Prado", phone: "12" });
    expect(json(bad).error).toMatchObject({ code: "validation_error", field: "phone" });
    const list = json(await call(adminA, "GET", "/api/v1/crm/agencies"));
    expect(list.items.map((a: { name: string }) => a.name)).toEqual(["Corniche", "Rouvière"]);
  });

  it("creates a broker user attached to an agency, who can log in, then moves him", async () => {
    const res = await call(adminA, "POST", "/api/v1/crm/team", {
      email: "Eloise.Garnier@cabinet.test",
      firstName: "Éloïse",
      lastName: "Garnier",
      role: "broker_agent",
      password: "mot-de-passe-initial",
      agencyId: corniche,
      mobile: "06 11 22 33 44",
      handlesProfessionals: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    const userId = json(res).id;
    agentA = await login(ctx.app, "eloise.garnier@cabinet.test", "mot-de-passe-initial");
    const team = json(await call(agentA, "GET", "/api/v1/crm/team"));
    expect(team.items.find((u: { id: string }) => u.id === userId)).toMatchObject({
      agencyName: "Corniche",
      jobTitle: "Chargé(e) de clientèle",
      mobile: "+33611223344",
      handlesProfessionals: true,
    });
    const taken = await call(adminA, "POST", "/api/v1/crm/team", {
      email: "eloise.garnier@CABINET.test",
      firstName: "X",
      lastName: "Y",
      role: "broker_agent",
      password: "mot-de-passe-initial",
    });
    expect(json(taken).error).toMatchObject({ code: "email_taken", field: "email" });

    expect(
      (await call(adminA, "PUT", `/api/v1/crm/team/${userId}/agency`, { agencyId: rouviere, jobTitle: "Conseillère pro" })).statusCode,
    ).toBe(204);
    const [card] = await ctx.db.select().from(agencyMembers).where(eq(agencyMembers.userId, userId));
    expect(card).toMatchObject({ agencyId: rouviere, jobTitle: "Conseillère pro", mobile: "+33611223344", handlesProfessionals: true });
    // An agent can read the team but not change it.
    expect((await call(agentA, "PUT", `/api/v1/crm/team/${userId}/agency`, { agencyId: corniche })).statusCode).toBe(403);
    expect((await call(agentA, "POST", "/api/v1/crm/agencies", { name: "Prado" })).statusCode).toBe(403);
  });

  it("refuses to delete an agency still used, and deletes an empty one", async () => {
    const used = await call(adminA, "DELETE", `/api/v1/crm/agencies/${rouviere}`);
    expect(used.statusCode).toBe(409);
    expect(json(used).error.code).toBe("agency_in_use");
    const empty = json(await call(adminA, "POST", "/api/v1/crm/agencies", { name: "Éphémère" })).id;
    expect((await call(adminA, "DELETE", `/api/v1/crm/agencies/${empty}`)).statusCode).toBe(204);
  });
});

describe("organisation scoping", () => {
  it("org B can neither read nor change org A's clients, contracts, agencies and team (404)", async () => {
    const [agency] = json(await call(adminA, "GET", "/api/v1/crm/agencies")).items;
    const created = await call(adminA, "POST", "/api/v1/crm/clients", {
      client: { type: "particulier", lastName: "Secret", agencyId: agency.id },
      contract: { productLine: "auto", startDate: "2026-01-10" },
    });
    expect(created.statusCode).toBe(201);
    const clientId = json(created).client.id;
    const contractId = json(created).contracts[0].id;
    const teamA = json(await call(adminA, "GET", "/api/v1/crm/team")).items;

    expect((await call(adminB, "GET", `/api/v1/crm/clients/${clientId}`)).statusCode).toBe(404);
    expect((await call(adminB, "PATCH", `/api/v1/crm/clients/${clientId}`, { lastName: "Pirate" })).statusCode).toBe(404);
    expect(
      (await call(adminB, "POST", `/api/v1/crm/clients/${clientId}/contracts`, { productLine: "gav", startDate: "2026-01-01" })).statusCode,
    ).toBe(404);
    expect((await call(adminB, "PATCH", `/api/v1/crm/contracts/${contractId}`, { dpSigned: true })).statusCode).toBe(404);
    expect((await call(adminB, "PATCH", `/api/v1/crm/agencies/${agency.id}`, { name: "Pirate" })).statusCode).toBe(404);
    expect((await call(adminB, "DELETE", `/api/v1/crm/agencies/${agency.id}`)).statusCode).toBe(404);
    expect((await call(adminB, "PUT", `/api/v1/crm/team/${teamA[0].id}/agency`, { agencyId: null })).statusCode).toBe(404);
    expect(json(await call(adminB, "GET", "/api/v1/crm/clients")).total).toBe(0);
    expect(json(await call(adminB, "GET", "/api/v1/crm/agencies")).items).toEqual([]);
    expect(json(await call(adminB, "GET", "/api/v1/crm/team")).items.map((u: { id: string }) => u.id)).not.toContain(teamA[0].id);

    // Nor can B point its own records at A's agency or people.
    const sneaky = await call(adminB, "POST", "/api/v1/crm/clients", {
      client: { type: "particulier", lastName: "Test", agencyId: agency.id, accountManagerId: teamA[0].id },
      contract: { productLine: "auto", startDate: "2026-01-10" },
    });
    expect(sneaky.statusCode).toBe(400);
    expect(json(sneaky).error.details.map((d: { field: string }) => d.field)).toEqual(["client.agencyId", "client.accountManagerId"]);
    const unchanged = json(await call(adminA, "GET", `/api/v1/crm/clients/${clientId}`));
    expect(unchanged.client.lastName).toBe("Secret");
  });

  it("keeps suppliers out of the CRM", async () => {
    const s = await createOrgWithUser(ctx, "supplier");
    const session = await login(ctx.app, s.email);
    expect((await call(session, "GET", "/api/v1/crm/clients")).statusCode).toBe(403);
  });
});
