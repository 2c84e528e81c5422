import { createUser } from "../../src/modules/accounts/provision-accounts";
import type { Role } from "../../src/modules/accounts/schema";
import { agencies, agencyMembers, clients, contracts } from "../../src/modules/crm/schema";
import { createOrgWithUser, login, type Session, TEST_PASSWORD, type TestContext } from "../support/test-app";

// Test-only builders for the follow-up tests: direct inserts, so each test states exactly the data it needs.

type ClientInsert = typeof clients.$inferInsert;
type ContractInsert = typeof contracts.$inferInsert;

export interface Person {
  id: string;
  email: string;
  session: Session;
}

export interface BrokerFixture {
  orgId: string;
  admin: Person;
  agent: Person;
  proAgent: Person;
  agencyId: string;
  otherAgencyId: string;
}

let seq = 0;

async function person(ctx: TestContext, orgId: string, role: Role, firstName: string, lastName: string): Promise<Person> {
  const email = `${firstName.toLowerCase()}-${++seq}-${Math.random().toString(36).slice(2, 8)}@test.local`;
  const user = await createUser(ctx.db, { orgId, role, email, password: TEST_PASSWORD, firstName, lastName, phone: "+33491000000" });
  return { id: user.id, email, session: await login(ctx.app, email) };
}

/**
 * A broker firm with two agencies: a manager (broker_admin), an account manager (agent, agency 1) and
 * a pro/TNS specialist (agency 1, handles professionals). The manager is created first: he is the
 * agency's "first member" for the campaign's fallback assignment.
 */
export async function brokerFixture(ctx: TestContext): Promise<BrokerFixture> {
  const { org, user, email } = await createOrgWithUser(ctx, "broker_admin", `Cabinet ${++seq}`);
  const admin: Person = { id: user.id, email, session: await login(ctx.app, email) };
  const agent = await person(ctx, org.id, "broker_agent", "Jocelyne", "Martin");
  const proAgent = await person(ctx, org.id, "broker_agent", "Paul", "Pro");
  const [agency] = await ctx.db
    .insert(agencies)
    .values({ orgId: org.id, name: "Corniche", brand: "Allianz", phone: "+33491000001", address: "1 corniche, 13007 Marseille" })
    .returning();
  const [other] = await ctx.db.insert(agencies).values({ orgId: org.id, name: "Rouvière", brand: "Allianz" }).returning();
  if (!agency || !other) throw new Error("insert returned nothing");
  await ctx.db.insert(agencyMembers).values([
    { userId: admin.id, agencyId: agency.id, jobTitle: "Directeur d'agence" },
    { userId: agent.id, agencyId: agency.id, mobile: "+33612345678" },
    { userId: proAgent.id, agencyId: agency.id, handlesProfessionals: true },
  ]);
  return { orgId: org.id, admin, agent, proAgent, agencyId: agency.id, otherAgencyId: other.id };
}

export async function insertClient(ctx: TestContext, orgId: string, fields: Partial<ClientInsert> = {}) {
  const [row] = await ctx.db
    .insert(clients)
    .values({
      orgId,
      type: "particulier",
      civility: "M.",
      firstName: "Paul",
      lastName: `Durand${++seq}`,
      addressLine: "12 rue de la République",
      postalCode: "13001",
      city: "Marseille",
      phone: "+33611223344",
      email: `client${seq}@example.fr`,
      maritalStatus: "marie",
      professionalStatus: "salarie_prive",
      ...fields,
    })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}

export async function insertContract(ctx: TestContext, orgId: string, clientId: string, fields: Partial<ContractInsert> = {}) {
  const [row] = await ctx.db
    .insert(contracts)
    .values({ orgId, clientId, productLine: "auto", isOurs: true, startDate: "2026-03-10", dpSigned: true, ...fields })
    .returning();
  if (!row) throw new Error("insert returned nothing");
  return row;
}
