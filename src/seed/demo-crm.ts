import { createUser } from "../modules/accounts/provision-accounts";
import type { Civility, ClientOrigin, LegalForm, MaritalStatus, PetSpecies, ProfessionalStatus } from "../modules/crm/rules/client-model";
import { type ProductLine, requiredDocuments } from "../modules/crm/rules/product-lines";
import { agencies, agencyMembers, clients, contracts } from "../modules/crm/schema";
import type { DbOrTx } from "../platform/db/client";
import * as pool from "./fixtures/demo-data";
import { makeSiret } from "./fixtures/siret";

/** The two account managers the CRM demo adds to the cabinet (the other broker users come from the base seed). */
export const DEMO_CRM_USERS = {
  julien: {
    label: "Courtier (vendeur, agence Rouvière)",
    person: { email: "julien.morel@cabinet-durand.demo", firstName: "Julien", lastName: "Morel" },
  },
  eloise: {
    label: "Courtier (chargée de clientèle pros)",
    person: { email: "eloise.garnier@cabinet-durand.demo", firstName: "Éloïse", lastName: "Garnier" },
  },
} as const;

export interface DemoCrmOptions {
  courtierOrgId: string;
  /** The demo broker admin (Jacques Durand) and agent (Jocelyne Martin) already created by seedDemo. */
  users: { admin: string; agent: string };
  /** DEMO_PASSWORD, passed in rather than imported: demo.ts imports this file. */
  password: string;
  now: Date;
  clientCount?: number;
}

type ClientInsert = typeof clients.$inferInsert;

const PET_SETS: readonly PetSpecies[][] = [["chien"], ["chat"], ["chien", "chat"], ["autre"]];
const HIGH_TAX_RATES = [30, 41, 30, 45] as const;
const LOW_TAX_RATES = [0, 11, 11] as const;
// Pros of the demo are TNS: entrepreneurs individuels, and gérants majoritaires of their EURL or SARL.
const PRO_LEGAL_FORMS: readonly LegalForm[] = ["ei", "ei", "eurl", "sarl"];
type ContractInsert = typeof contracts.$inferInsert;

/** mulberry32: the same demo on every start, without Math.random. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}

const iso = (d: Date) => d.toISOString().slice(0, 10);
const slug = (s: string) =>
  s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");

/**
 * The CRM of the demo broker: agencies Corniche and Rouvière (Allianz), four account managers, and
 * ~150 clients whose first contract started over the last 8 months, so that several monthly M+3
 * cohorts exist (the current month's is the clients who started 3 months ago). Some records are
 * incomplete, some DP unsigned, some pieces missing, one in six pros is a TNS filed as particulier:
 * the follow-up has something to find.
 */
export async function seedDemoCrm(tx: DbOrTx, opts: DemoCrmOptions) {
  const { courtierOrgId: orgId, password } = opts;
  const { now } = opts;
  const r = prng(20260225);

  const [corniche, rouviere] = await tx
    .insert(agencies)
    .values([
      {
        orgId,
        name: "Corniche",
        brand: "Allianz",
        phone: "+33491520000",
        email: "corniche@cabinet-durand.demo",
        address: "160 corniche Kennedy, 13007 Marseille",
      },
      {
        orgId,
        name: "Rouvière",
        brand: "Allianz",
        phone: "+33491400000",
        email: "rouviere@cabinet-durand.demo",
        address: "83 boulevard du Redon, 13009 Marseille",
      },
    ])
    .returning({ id: agencies.id });
  if (!corniche || !rouviere) throw new Error("insert returned nothing");

  const julien = await createUser(tx, { orgId, role: "broker_agent", ...DEMO_CRM_USERS.julien.person, password, isDemo: true });
  const eloise = await createUser(tx, { orgId, role: "broker_agent", ...DEMO_CRM_USERS.eloise.person, password, isDemo: true });
  const { admin, agent } = opts.users;
  await tx.insert(agencyMembers).values([
    { userId: admin, agencyId: corniche.id, jobTitle: "Agent général", mobile: "+33612000001" },
    { userId: agent, agencyId: corniche.id, jobTitle: "Chargée de clientèle", mobile: "+33612000002" },
    { userId: julien.id, agencyId: rouviere.id, jobTitle: "Conseiller commercial", mobile: "+33612000003" },
    {
      userId: eloise.id,
      agencyId: rouviere.id,
      jobTitle: "Chargée de clientèle professionnels",
      mobile: "+33612000004",
      handlesProfessionals: true,
    },
  ]);
  const managers = [agent, eloise.id, admin];
  // Julien sells most first contracts; somebody else then follows the client (spec 001 §2).
  const sellers = [julien.id, julien.id, julien.id, agent, eloise.id, admin];

  const clientRows: ClientInsert[] = [];
  const contractRows: ContractInsert[] = [];
  const count = opts.clientCount ?? 150;
  for (let i = 0; i < count; i++) {
    const id = crypto.randomUUID();
    // Spread over the last 8 months: months back 0..7, each day of the month.
    const monthsBack = i % 8;
    const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsBack, r.int(1, 28)));
    if (start > now) start.setUTCDate(Math.max(1, now.getUTCDate() - 1));
    const kind = i % 10 < 7 ? "particulier" : i % 10 < 9 ? "professionnel" : "entreprise";
    const female = r.chance(0.5);
    const firstName = r.pick(female ? pool.FIRST_NAMES_F : pool.FIRST_NAMES_M);
    const lastName = r.pick(pool.LAST_NAMES);
    const [postalCode, city] = r.pick(pool.COMMUNES);
    const agencyId = ["13007", "13006", "13001", "13005", "13260", "13600"].includes(postalCode) ? corniche.id : rouviere.id;
    const birth = new Date(Date.UTC(now.getUTCFullYear() - r.int(22, 78), r.int(0, 11), r.int(1, 28)));
    const age = now.getUTCFullYear() - birth.getUTCFullYear();
    // The record's gaps: what the M+3 call will have to complete.
    const gap = (p: number) => r.chance(p);
    const base: ClientInsert = {
      id,
      orgId,
      agencyId: gap(0.05) ? null : agencyId,
      accountManagerId: gap(0.12) ? null : r.pick(managers),
      type: kind,
      isTns: false,
      civility: (female ? "Mme" : "M.") as Civility,
      firstName,
      lastName,
      birthDate: gap(0.1) ? null : iso(birth),
      addressLine: gap(0.08) ? null : `${r.int(1, 180)} ${r.pick(pool.STREETS)}`,
      postalCode,
      city,
      // 061–065 and 075–078: mainland mobile ranges (0639 and 069x belong to the overseas territories).
      phone: gap(0.06) ? null : `+33${r.chance(0.7) ? `6${r.int(10, 59)}` : `7${r.int(50, 89)}`}${r.int(100_000, 999_999)}`,
      email: gap(0.2) ? null : `${slug(firstName)}.${slug(lastName)}${r.int(1, 99)}@${r.pick(pool.EMAIL_DOMAINS)}`,
      maritalStatus: gap(0.3) ? null : r.pick<MaritalStatus>(["celibataire", "marie", "marie", "pacse", "divorce", "union_libre", "veuf"]),
      professionalStatus: null,
      childrenCount: gap(0.4) ? null : r.pick([0, 0, 1, 2, 2, 3]),
      housing: gap(0.3) ? null : r.pick(["proprietaire", "locataire", "locataire", "heberge"] as const),
      vehicleCount: gap(0.4) ? null : r.pick([0, 1, 1, 2]),
      // Species and tax band follow the client's index, so the random sequence (and the rest of the demo) stays the same.
      petSpecies: gap(0.5) ? null : r.chance(0.35) ? PET_SETS[i % PET_SETS.length] : [],
      incomeTaxRate: gap(0.6) ? null : r.chance(0.2) ? HIGH_TAX_RATES[i % HIGH_TAX_RATES.length] : LOW_TAX_RATES[i % LOW_TAX_RATES.length],
      origin: r.pick<ClientOrigin>([
        "chalandise",
        "chalandise",
        "recommandation",
        "recommandation",
        "lead",
        "site",
        "apporteur",
        "salarie_entreprise_assuree",
        "franchise_reseau_assure",
      ]),
      externalRef: i % 2 === 0 ? `LAG-${String(100_000 + i * 7)}` : null,
      createdAt: start,
      updatedAt: start,
    };
    let lines: ProductLine[];
    if (kind === "particulier") {
      const tnsFiledAsPerson = i % 10 === 3 && r.chance(0.5);
      base.professionalStatus = tnsFiledAsPerson
        ? r.pick<ProfessionalStatus>(["tns_independant", "profession_liberale"])
        : gap(0.25)
          ? null
          : age >= 64
            ? "retraite"
            : r.pick<ProfessionalStatus>(["salarie_prive", "salarie_prive", "fonctionnaire", "sans_emploi", "chef_entreprise", "autre"]);
      // A TNS with only a personal contract: the record is to be requalified (spec 002 §4.3).
      base.isTns = tnsFiledAsPerson && r.chance(0.5);
      if (i % 30 === 13) {
        // A mason filed as particulier with no job status: only his NAF code and activity tell (issue 9).
        Object.assign(base, { professionalStatus: null, isTns: false, nafCode: "43.99C", activity: "Maçon, artisan" });
      }
      lines = [
        r.pick<ProductLine>([
          "auto",
          "auto",
          "auto",
          "habitation",
          "habitation",
          "sante",
          "moto",
          "gav",
          "animaux",
          "emprunteur",
          "protection_juridique",
        ]),
      ];
      if (r.chance(0.3))
        lines.push(r.pick<ProductLine>(["habitation", "protection_juridique", "gav", "prevoyance", "per", "assurance_vie", "obseques"]));
    } else if (kind === "professionnel") {
      const pro = r.pick(pool.PRO_ACTIVITIES);
      base.isTns = true;
      base.professionalStatus = pro.liberal ? "profession_liberale" : pro.construction ? "artisan_commercant" : "tns_independant";
      base.legalForm = PRO_LEGAL_FORMS[i % PRO_LEGAL_FORMS.length] ?? "ei";
      base.managerRole = base.legalForm === "ei" ? null : "gerant_majoritaire";
      base.siret = gap(0.15) ? null : makeSiret(String(r.int(30_000_000, 99_999_999)));
      base.nafCode = gap(0.2) ? null : pro.naf;
      base.activity = gap(0.2) ? null : pro.activity;
      base.annualRevenue = gap(0.4) ? null : r.int(40, 600) * 1_000;
      base.headcount = gap(0.4) ? null : r.pick([0, 0, 1, 2, 3]);
      base.accountManagerId = gap(0.3) ? r.pick(managers) : eloise.id;
      lines = [pro.construction ? "rc_decennale" : r.pick<ProductLine>(["rc_pro", "multirisque_pro"])];
      if (r.chance(0.3)) lines.push(r.pick<ProductLine>(["prevoyance", "auto", "sante"]));
    } else {
      const company = pool.COMPANIES[Math.floor(i / 10) % pool.COMPANIES.length] ?? pool.COMPANIES[0];
      if (!company) throw new Error("no company");
      const legalForm: LegalForm = / SAS$/.test(company.name) ? "sas" : / SARL$/.test(company.name) || i % 20 < 10 ? "sarl" : "sas";
      Object.assign(base, {
        companyName: company.name,
        civility: null,
        siret: makeSiret(String(r.int(30_000_000, 99_999_999))),
        nafCode: company.naf,
        activity: gap(0.2) ? null : company.activity,
        annualRevenue: gap(0.3) ? null : company.revenue,
        headcount: company.headcount,
        managerName: `${firstName} ${lastName}`,
        legalForm,
        // A SARL's gérant majoritaire is TNS, a SAS president is not: the demo has both.
        managerRole: legalForm === "sas" ? "president_dg" : "gerant_majoritaire",
        insuranceContactName: gap(0.4) ? null : `${r.pick(pool.FIRST_NAMES_F)} ${r.pick(pool.LAST_NAMES)}`,
        professionalStatus: "chef_entreprise",
        accountManagerId: eloise.id,
        birthDate: null,
      });
      lines = [r.pick<ProductLine>(["multirisque_pro", "flotte_automobile", "sante_prevoyance_collective", "rc_pro"])];
      if (r.chance(0.4)) lines.push("sante_prevoyance_collective");
    }
    clientRows.push(base);

    lines.forEach((line, n) => {
      const startDate = n === 0 ? start : new Date(Math.min(now.getTime(), start.getTime() + r.int(5, 60) * 86_400_000));
      const [lo, hi] = pool.PREMIUM_RANGES[line] ?? [100, 1_000];
      contractRows.push({
        orgId,
        clientId: id,
        productLine: line,
        isOurs: true,
        insurerName: "Allianz",
        startDate: iso(startDate),
        renewalDate: iso(new Date(Date.UTC(startDate.getUTCFullYear() + 1, startDate.getUTCMonth(), 1))),
        premiumCents: r.int(lo, hi) * 100,
        sellerId: r.pick(sellers),
        dpSigned: r.chance(0.72),
        quoteSigned: r.chance(0.2) ? r.chance(0.4) : null,
        documentsProvided: requiredDocuments(line)
          .filter(() => r.chance(0.8))
          .map((d) => d.key),
        externalRef: base.externalRef ? `POL-${String(500_000 + contractRows.length)}` : null,
        createdAt: startDate,
      });
    });
    // What the client declared as held elsewhere, for the bilan global.
    if (r.chance(0.25)) {
      contractRows.push({
        orgId,
        clientId: id,
        productLine: kind === "particulier" ? r.pick<ProductLine>(["habitation", "sante", "auto", "prevoyance"]) : "rc_pro",
        isOurs: false,
        insurerName: r.pick(pool.OTHER_INSURERS),
        renewalDate: iso(new Date(Date.UTC(now.getUTCFullYear() + (r.chance(0.5) ? 0 : 1), r.int(0, 11), 1))),
        documentsProvided: [],
        createdAt: start,
      });
    }
  }
  for (let i = 0; i < clientRows.length; i += 200) await tx.insert(clients).values(clientRows.slice(i, i + 200));
  for (let i = 0; i < contractRows.length; i += 200) await tx.insert(contracts).values(contractRows.slice(i, i + 200));

  return {
    agencies: { corniche: corniche.id, rouviere: rouviere.id },
    users: { julien: julien.id, eloise: eloise.id },
    accounts: Object.values(DEMO_CRM_USERS).map((u) => ({ label: u.label, email: u.person.email, password })),
    clients: clientRows.length,
    contracts: contractRows.length,
  };
}
