import { eq } from "drizzle-orm";
import { createApiKeyWithSecret, createOrganisation, createUser } from "../modules/accounts/provision-accounts";
import { apiKeys, users } from "../modules/accounts/schema";
import { seedDemoBrokerage } from "../modules/brokers";
import { publishConsentText } from "../modules/consent/publish-consent-text";
import type { Db } from "../platform/db/client";
import { DEMO_CONSENT_TEXT, DEMO_RDV_CONSENT_TEXT } from "./demo-consent-text";
import { DEMO_CRM_USERS, seedDemoCrm } from "./demo-crm";
import { seedDemoFollowups } from "./demo-followup";
import { seedDemoLeads } from "./demo-leads";

export const DEMO_PASSWORD = "demo-leads-2026";
export const DEMO_SUPPLIER_API_KEY = "la_live_demo_apporteur_provence_0001";

const ACCOUNTS = [
  {
    label: "Opérateur (admin plateforme)",
    email: "admin@leadsassurance.demo",
    role: "platform_admin",
    org: "platform",
    firstName: "Claire",
    lastName: "Opérateur",
  },
  {
    label: "Courtier (administrateur)",
    email: "direction@cabinet-durand.demo",
    role: "broker_admin",
    org: "courtier",
    firstName: "Jacques",
    lastName: "Durand",
  },
  {
    label: "Courtier (chargée de clientèle)",
    email: "jocelyne@cabinet-durand.demo",
    role: "broker_agent",
    org: "courtier",
    firstName: "Jocelyne",
    lastName: "Martin",
  },
  {
    label: "Apporteur",
    email: "contact@leadfactory-provence.demo",
    role: "supplier",
    org: "apporteur",
    firstName: "Karim",
    lastName: "Benali",
  },
  { label: "Second apporteur", email: "api@comparo-direct.demo", role: "supplier", org: "apporteur2", firstName: "Léa", lastName: "Rossi" },
] as const;

// Created by seedDemoCrm with the same password; listed from its constants so a restart prints them too.
const DEMO_CRM_ACCOUNTS = Object.values(DEMO_CRM_USERS).map((u) => ({ label: u.label, email: u.person.email, password: DEMO_PASSWORD }));

/** Demo data for a development start; does nothing when it is already there. */
export async function seedDemo(db: Db, now: Date) {
  const accounts: { label: string; email: string; password: string }[] = ACCOUNTS.map(({ label, email }) => ({
    label,
    email,
    password: DEMO_PASSWORD,
  }));
  accounts.push(...DEMO_CRM_ACCOUNTS);
  const [already] = await db.select({ id: users.id }).from(users).where(eq(users.email, ACCOUNTS[0].email)).limit(1);
  if (already) return { accounts, supplierApiKey: DEMO_SUPPLIER_API_KEY };

  await db.transaction(async (tx) => {
    const orgs = {
      platform: await createOrganisation(tx, { kind: "platform", name: "LeadsAssurance" }),
      courtier: await createOrganisation(tx, {
        kind: "courtier",
        name: "Cabinet Durand Courtage",
        siren: "552100554",
        orias: "07012345",
        // Printed as the buyer on its invoices (credits & invoices).
        address: "12 boulevard de la Corniche\n13007 Marseille",
        vatNumber: "FR96552100554",
      }),
      apporteur: await createOrganisation(tx, { kind: "apporteur", name: "LeadFactory Provence", siren: "732829320" }),
      apporteur2: await createOrganisation(tx, { kind: "apporteur", name: "Comparo Direct", siren: "443061841" }),
    };
    const created: Record<string, string> = {};
    for (const a of ACCOUNTS) {
      const u = await createUser(tx, {
        orgId: orgs[a.org].id,
        role: a.role,
        email: a.email,
        password: DEMO_PASSWORD,
        firstName: a.firstName,
        lastName: a.lastName,
        isDemo: true,
      });
      created[a.email] = u.id;
    }
    const demoKey = await createApiKeyWithSecret(tx, {
      orgId: orgs.apporteur.id,
      name: "Clé de démonstration",
      secret: DEMO_SUPPLIER_API_KEY,
      createdBy: created[ACCOUNTS[3].email],
    });
    const text = await publishConsentText(tx, { orgId: orgs.platform.id, userId: created[ACCOUNTS[0].email] }, DEMO_CONSENT_TEXT);
    await publishConsentText(tx, { orgId: orgs.platform.id, userId: created[ACCOUNTS[0].email] }, DEMO_RDV_CONSENT_TEXT);
    const { lastApiLeadAt } = await seedDemoLeads(
      tx,
      { orgId: orgs.apporteur.id, userId: created[ACCOUNTS[3].email] as string },
      text.version,
      now,
    );
    // The demo API traffic came through the demo key: its "dernière utilisation" says so.
    await tx.update(apiKeys).set({ lastUsedAt: lastApiLeadAt }).where(eq(apiKeys.id, demoKey.id));
    await seedDemoCrm(tx, {
      courtierOrgId: orgs.courtier.id,
      users: { admin: created[ACCOUNTS[1].email] as string, agent: created[ACCOUNTS[2].email] as string },
      password: DEMO_PASSWORD,
      now,
    });
    await seedDemoFollowups(tx, { courtierOrgId: orgs.courtier.id, now });
    await seedDemoBrokerage(tx, {
      orgId: orgs.courtier.id,
      legalName: orgs.courtier.name,
      siren: orgs.courtier.siren as string,
      oriasNumber: orgs.courtier.orias as string,
      operatorUserId: created[ACCOUNTS[0].email] as string,
      operatorOrgId: orgs.platform.id,
      now,
    });
  });
  return { accounts, supplierApiKey: DEMO_SUPPLIER_API_KEY };
}
