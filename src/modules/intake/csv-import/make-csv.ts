import { CSV_FIXED_COLUMNS, csvHeader, formatFieldText, productBySlug, SAMPLE_CONSENT, sampleFieldValues } from "../../catalogue/rules";
import { formatParisDateTime } from "../../catalogue/rules/dates";

/**
 * Supplier-like CSV files for tests and the intake benchmark: the template layout, realistic French
 * people and places, unique phones and e-mails. Built with plain string concatenation so that
 * 100,000 rows take a fraction of a second.
 */

export interface MakeLeadCsvOptions {
  product: string;
  rows: number;
  /** A published consent text version, or every row is rejected. */
  consentVersion: string;
  /** Every n-th row (n, 2n, …) carries a mistake, cycling through INVALID_KINDS. */
  invalidEvery?: number;
  delimiter?: ";" | "," | "\t";
  /** The server's "now": consent times and date fields are set relative to it. */
  now: Date;
  /** Makes phones and e-mails reproducible; random by default so that repeated runs are not duplicates. */
  seed?: number;
}

/** Real postal code / commune pairs, accents included, so that the postal check is exercised for real. */
export const COMMUNES: readonly (readonly [string, string])[] = [
  ["75011", "Paris"],
  ["13001", "Marseille"],
  ["69003", "Lyon"],
  ["31000", "Toulouse"],
  ["06000", "Nice"],
  ["44000", "Nantes"],
  ["67000", "Strasbourg"],
  ["34000", "Montpellier"],
  ["33000", "Bordeaux"],
  ["59000", "Lille"],
  ["35000", "Rennes"],
  ["51100", "Reims"],
  ["42000", "Saint-Étienne"],
  ["83000", "Toulon"],
  ["38000", "Grenoble"],
  ["21000", "Dijon"],
  ["49000", "Angers"],
  ["30000", "Nîmes"],
  ["63000", "Clermont-Ferrand"],
  ["72000", "Le Mans"],
  ["29200", "Brest"],
  ["37000", "Tours"],
  ["80000", "Amiens"],
  ["87000", "Limoges"],
  ["34500", "Béziers"],
  ["64000", "Pau"],
  ["66000", "Perpignan"],
  ["14000", "Caen"],
  ["57000", "Metz"],
  ["84000", "Avignon"],
];

const FIRST_NAMES = [
  "Camille",
  "Léa",
  "Hélène",
  "François",
  "Jérôme",
  "Gaëlle",
  "Zoé",
  "Maël",
  "Chloé",
  "Noémie",
  "Théo",
  "Benoît",
  "Élodie",
  "Loïc",
  "Inès",
  "Sébastien",
  "Anaïs",
  "Céline",
  "Raphaël",
  "Mathis",
];
const LAST_NAMES = [
  "Martin",
  "Bernard",
  "Dubois",
  "Thomas",
  "Robert",
  "Richard",
  "Petit",
  "Durand",
  "Leroy",
  "Moreau",
  "Lefèvre",
  "Garnier",
  "Faure",
  "André",
  "Mercier",
  "Dupont",
  "Lambert",
  "Bonnet",
  "Rousseau",
  "Girard",
  "Chevalier",
  "Gauthier",
  "Perrin",
  "Morel",
  "Brunet",
  "Roussel",
  "Noël",
  "Bégué",
  "Leclerc",
  "Lemaître",
];

// Mainland mobile blocks every validator accepts; 063x and 069x are partly overseas, 070–072 unassigned.
const MOBILE_PREFIXES = ["061", "062", "064", "065", "066", "067", "068", "075", "076", "077", "078"];
const PHONE_SPACE = MOBILE_PREFIXES.length * 10_000_000;

export const INVALID_KINDS = ["phone_invalid", "city_postal_code_mismatch", "consent_prechecked", "email_invalid"] as const;

const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]/g, "");

function quoter(delimiter: string) {
  return (value: string) =>
    value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

function phoneOf(n: number): string {
  const k = n % PHONE_SPACE;
  const digits = `${MOBILE_PREFIXES[Math.floor(k / 10_000_000)]}${String(k % 10_000_000).padStart(7, "0")}`;
  return `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4, 6)} ${digits.slice(6, 8)} ${digits.slice(8)}`;
}

export function makeLeadCsv(opts: MakeLeadCsvOptions): string {
  const product = productBySlug(opts.product);
  if (!product) throw new Error(`Produit inconnu : ${opts.product}`);
  const delimiter = opts.delimiter ?? ";";
  const q = quoter(delimiter);
  const { now } = opts;
  const seed = opts.seed ?? Math.floor(Math.random() * PHONE_SPACE);
  const tag = seed.toString(36);

  const samples = sampleFieldValues(opts.product, now);
  const fieldCells = product.fields.map((f) => q(formatFieldText(f, samples[f.key]))).join(delimiter);
  // A spread of consent times over the last hours, formatted once rather than per row.
  const collectedAt = Array.from({ length: 120 }, (_, i) => formatParisDateTime(new Date(now.getTime() - (60 + i) * 60_000)));
  const people = FIRST_NAMES.map((f) => ({ first: f, firstAscii: ascii(f) }));
  const families = LAST_NAMES.map((l) => ({ last: l, lastAscii: ascii(l) }));
  const expected = csvHeader(opts.product);
  // The template's fixed columns: the optional RDV ones are not in it.
  const fixedNames = CSV_FIXED_COLUMNS.map((c) => c.name).filter((n) => expected.includes(n));
  if (expected.length !== fixedNames.length + product.fields.length) throw new Error("Unexpected CSV layout");

  const lines: string[] = [expected.map(q).join(delimiter)];
  for (let i = 0; i < opts.rows; i++) {
    const p = people[i % people.length] ?? { first: "Camille", firstAscii: "camille" };
    const f = families[Math.floor(i / people.length) % families.length] ?? { last: "Martin", lastAscii: "martin" };
    const [postalCode, city] = COMMUNES[i % COMMUNES.length] ?? ["13001", "Marseille"];
    const kind =
      opts.invalidEvery && (i + 1) % opts.invalidEvery === 0
        ? INVALID_KINDS[Math.floor(i / opts.invalidEvery) % INVALID_KINDS.length]
        : null;
    const cells: Record<string, string> = {
      prenom: p.first,
      nom: f.last,
      telephone: kind === "phone_invalid" ? "01 23" : phoneOf(seed + i),
      email: kind === "email_invalid" ? "pas-un-email" : `${p.firstAscii}.${f.lastAscii}.${tag}-${i}@example.fr`,
      code_postal: postalCode,
      ville: kind === "city_postal_code_mismatch" ? (postalCode === "69003" ? "Marseille" : "Lyon") : city,
      consentement_methode: "case",
      case_precochee: kind === "consent_prechecked" ? "oui" : "non",
      consentement_version: opts.consentVersion,
      consentement_date: collectedAt[i % collectedAt.length] ?? "",
      ip: `82.64.${(i >> 8) & 255}.${(i & 254) + 1}`,
      user_agent: SAMPLE_CONSENT.userAgent,
      url_source: SAMPLE_CONSENT.sourceUrl,
      ref_externe: `CMD-${tag}-${i + 1}`,
    };
    lines.push(`${fixedNames.map((n) => q(cells[n] ?? "")).join(delimiter)}${delimiter}${fieldCells}`);
  }
  return `${lines.join("\r\n")}\r\n`;
}
