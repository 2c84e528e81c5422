import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asUser, createBrokerWithAgent, createTestApp, json, login, type TestContext } from "../../../tests/support/test-app";
import { seedDemoCrm } from "../../seed/demo-crm";
import { parisToday } from "../catalogue/rules/dates";
import { checkClientFields } from "./check-client";
import { tnsDetection } from "./rules/tns";
import { clients, contracts } from "./schema";

let ctx: TestContext;
let orgId: string;
let result: Awaited<ReturnType<typeof seedDemoCrm>>;
const NOW = new Date("2026-02-25T10:00:00Z");

beforeAll(async () => {
  ctx = await createTestApp();
  const broker = await createBrokerWithAgent(ctx);
  orgId = broker.orgId;
  result = await ctx.db.transaction((tx) =>
    seedDemoCrm(tx, { courtierOrgId: orgId, users: broker.users, password: "demo-password-1", now: NOW }),
  );
});
afterAll(() => ctx.close());

describe("demo CRM seed", () => {
  it("creates ~150 valid clients: real communes, checksum-valid SIRET, official NAF codes", async () => {
    const rows = await ctx.db.select().from(clients).where(eq(clients.orgId, orgId));
    expect(rows).toHaveLength(150);
    for (const row of rows) {
      const { id: _id, orgId: _o, createdAt: _c, updatedAt: _u, sourceLeadId: _s, ...fields } = row;
      const check = checkClientFields(fields as Parameters<typeof checkClientFields>[0], { today: parisToday(NOW) });
      expect(check.issues, `${row.lastName} ${row.companyName ?? ""}`).toEqual([]);
    }
    expect(new Set(rows.map((r) => r.type))).toEqual(new Set(["particulier", "professionnel", "entreprise"]));
    const detected = rows.map((r) => tnsDetection(r)).filter((d) => d !== null);
    // TNS filed as particulier by status, and the mason whose only trace is his NAF code and activity.
    expect(detected.some((d) => d.signal === "status")).toBe(true);
    expect(detected.some((d) => d.signal === "business_number" && d.reason.includes("43.99C"))).toBe(true);
    // Companies say their form and their manager's mandate: a SARL's gérant majoritaire, a SAS president.
    const companies = rows.filter((r) => r.type === "entreprise");
    expect(companies.some((c) => c.legalForm === "sarl" && c.managerRole === "gerant_majoritaire")).toBe(true);
    expect(companies.some((c) => c.legalForm === "sas" && c.managerRole === "president_dg")).toBe(true);
    expect(rows.some((r) => r.petSpecies?.includes("chien"))).toBe(true);
    expect(rows.some((r) => (r.incomeTaxRate ?? 0) >= 41)).toBe(true);
  });

  it("spreads first contracts over 8 months, so several M+3 cohorts exist, with gaps to find", async () => {
    const all = await ctx.db.select().from(contracts).where(eq(contracts.orgId, orgId));
    const firstStart = new Map<string, string>();
    for (const c of all.filter((c) => c.isOurs && c.startDate)) {
      const prev = firstStart.get(c.clientId);
      if (!prev || (c.startDate as string) < prev) firstStart.set(c.clientId, c.startDate as string);
    }
    const byMonth = new Map<string, number>();
    for (const d of firstStart.values()) byMonth.set(d.slice(0, 7), (byMonth.get(d.slice(0, 7)) ?? 0) + 1);
    expect([...byMonth.keys()].sort()).toEqual(["2025-07", "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02"]);
    // This month's campaign (started in November) and last month's (October) both have clients.
    expect(byMonth.get("2025-11")).toBeGreaterThan(10);
    expect(byMonth.get("2025-10")).toBeGreaterThan(10);
    expect(all.some((c) => c.isOurs && c.dpSigned === false)).toBe(true);
    expect(all.some((c) => !c.isOurs && c.insurerName)).toBe(true);
    expect(result.accounts.map((a) => a.email)).toEqual(["julien.morel@cabinet-durand.demo", "eloise.garnier@cabinet-durand.demo"]);
  });

  it("is usable through the API: agencies, team with cards, client list", async () => {
    const session = await login(ctx.app, "eloise.garnier@cabinet-durand.demo", "demo-password-1");
    const agencies = json(await ctx.app.inject({ method: "GET", url: "/api/v1/crm/agencies", headers: asUser(session) }));
    expect(agencies.items.map((a: { name: string; brand: string }) => `${a.brand} ${a.name}`)).toEqual([
      "Allianz Corniche",
      "Allianz Rouvière",
    ]);
    const team = json(await ctx.app.inject({ method: "GET", url: "/api/v1/crm/team", headers: asUser(session) }));
    expect(team.items.filter((u: { agencyId: string | null }) => u.agencyId)).toHaveLength(4);
    const list = json(await ctx.app.inject({ method: "GET", url: "/api/v1/crm/clients?type=entreprise", headers: asUser(session) }));
    expect(list.total).toBe(15);
  });
});
