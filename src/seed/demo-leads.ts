import { PRODUCT_SLUGS, SAMPLE_CONSENT, sampleFieldValues } from "../modules/catalogue/rules";
import { ingestLeads } from "../modules/intake/ingest-leads";
import { objectItem } from "../modules/intake/read-lead-json";
import type { LeadSubmission } from "../modules/intake/rules/lead-submission";
import type { Tx } from "../platform/db/client";

const COMMUNES = [
  ["13001", "Marseille"],
  ["13100", "Aix-en-Provence"],
  ["83000", "Toulon"],
  ["84000", "Avignon"],
  ["06000", "Nice"],
  ["06400", "Cannes"],
  ["34000", "Montpellier"],
  ["30000", "Nîmes"],
] as const;
const FIRST_NAMES = ["Camille", "Lucas", "Léa", "Hugo", "Manon", "Nathan", "Chloé", "Louis", "Inès", "Gabriel", "Jade", "Jules"];
const LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent"];

/** Deterministic pseudo-random numbers: the demo is the same on every machine. */
function prng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/**
 * A month of the demo supplier's traffic through the real intake pipeline, so the dashboard, the
 * lists and the rejection reasons show what a supplier actually sees. About one lead in seven is
 * flawed the way real traffic is (pre-ticked box, private IP, wrong commune, bad phone…).
 * Returns when the last lead sent "by the API" arrived: the demo key was last used then.
 */
export async function seedDemoLeads(
  tx: Tx,
  supplier: { orgId: string; userId: string },
  textVersion: string,
  now: Date,
): Promise<{ lastApiLeadAt: Date | null }> {
  let lastApiLeadAt: Date | null = null;
  const rand = prng(20_260_801);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  let n = 0;
  for (let daysAgo = 29; daysAgo >= 0; daysAgo--) {
    const day = new Date(now.getTime() - daysAgo * 86_400_000);
    const count = 6 + Math.floor(rand() * 10);
    const items = Array.from({ length: count }, () => {
      n++;
      const [postalCode, city] = pick(COMMUNES);
      const product = pick(PRODUCT_SLUGS);
      const submission: LeadSubmission = {
        product,
        type: "lead",
        contact: {
          firstName: pick(FIRST_NAMES),
          lastName: pick(LAST_NAMES),
          phone: `06${1 + (n % 5)}${String(4_000_000 + n).padStart(7, "0")}`,
          email: `prospect.${n}@exemple-demo.fr`,
          postalCode,
          city,
        },
        consent: { ...SAMPLE_CONSENT, textVersion, collectedAt: new Date(day.getTime() - 20 * 60_000).toISOString() },
        fields: sampleFieldValues(product, day),
        externalRef: `LFP-${String(n).padStart(5, "0")}`,
      };
      return flaw(submission, rand());
    });
    const channel = rand() < 0.7 ? "api" : "form";
    await ingestLeads(tx, supplier, items.map(objectItem), { channel, now: day });
    if (channel === "api") lastApiLeadAt = day;
  }
  return { lastApiLeadAt };
}

function flaw(s: LeadSubmission, r: number): LeadSubmission {
  if (r > 0.15) return s;
  const kind = Math.floor(r * 100) % 5;
  if (kind === 0) return { ...s, consent: { ...s.consent, prechecked: true } };
  if (kind === 1) return { ...s, consent: { ...s.consent, ip: "192.168.1.24" } };
  if (kind === 2) return { ...s, contact: { ...s.contact, city: "Lyon" } };
  if (kind === 3) return { ...s, contact: { ...s.contact, phone: "01 23 45" } };
  return { ...s, consent: { ...s.consent, userAgent: "", sourceUrl: "" } };
}
