import { foldAccents } from "../../reference-data/rules/text";
import {
  CIVILITY_OPTIONS,
  CLIENT_ORIGIN_OPTIONS,
  HOUSING_OPTIONS,
  MARITAL_STATUS_OPTIONS,
  type Option,
  PROFESSIONAL_STATUS_OPTIONS,
} from "../rules/client-model";
import { DOCUMENTS, PRODUCT_LINES, type ProductLine } from "../rules/product-lines";

/**
 * Reading the cells of a French CRM export: "15/01/2025", "1 234,56 €", "Oui", "Marié(e)", "MRH"…
 * Each parser answers { value } or { error } (a French reason for the rejection report); a blank
 * cell is { value: null }, i.e. "nothing to say", which never overwrites a stored value.
 */

export type Parsed<T> = { value: T | null; error?: undefined } | { value?: undefined; error: string };

export const fold = (s: string) =>
  foldAccents(s)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const blank = (s: string) => s.trim() === "";

const TRUE = new Set(["oui", "o", "yes", "y", "vrai", "true", "1", "x", "signe", "signees", "signee", "fourni", "ok"]);
const FALSE = new Set(["non", "n", "no", "faux", "false", "0", "non signe", "non signees", "non signee", "a signer"]);

export function parseBoolean(raw: string): Parsed<boolean> {
  if (blank(raw)) return { value: null };
  const v = fold(raw);
  if (TRUE.has(v)) return { value: true };
  if (FALSE.has(v)) return { value: false };
  return { error: `« ${raw.trim()} » : oui ou non attendu` };
}

/**
 * "15/01/2025", "15-01-2025", "15.01.25", "2025-01-15", with or without a time after it. `today`
 * (yyyy-mm-dd) places two-digit years: up to next year's they are this century's, beyond the last one's.
 */
export function parseDate(raw: string, today: string): Parsed<string> {
  if (blank(raw)) return { value: null };
  const s = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s);
  const fr = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})(?:\s.*)?$/.exec(s);
  let y: number;
  let m: number;
  let d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (fr) {
    [d, m, y] = [Number(fr[1]), Number(fr[2]), Number(fr[3])];
    // Two-digit years: "85" is 1985, "24" is 2024.
    if ((fr[3] as string).length === 2) y += y > (Number(today.slice(0, 4)) % 100) + 1 ? 1900 : 2000;
  } else return { error: `« ${s} » : date attendue au format JJ/MM/AAAA` };
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900 || y > 2100) return { error: `« ${s} » : date inexistante` };
  return { value: `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

/** "1 234,56", "1234.56", "1.234,56 €", "12 000 EUR". */
export function parseNumber(raw: string): Parsed<number> {
  if (blank(raw)) return { value: null };
  let s = raw.replace(/[\s\u00a0\u202f]|€|eur(os)?/gi, "");
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, "");
  s = s.replace(",", ".");
  const n = Number(s);
  if (!/^-?\d+(\.\d+)?$/.test(s) || !Number.isFinite(n)) return { error: `« ${raw.trim()} » : nombre attendu` };
  if (n < 0) return { error: `« ${raw.trim()} » : nombre positif attendu` };
  return { value: n };
}

export function parseInteger(raw: string): Parsed<number> {
  const n = parseNumber(raw);
  if (n.error !== undefined || n.value === null) return n;
  return Number.isInteger(n.value) ? n : { error: `« ${raw.trim()} » : nombre entier attendu` };
}

/** Matches an option by its value or label (accents and case ignored), or by one of the synonyms. */
export function optionParser<V extends string>(options: readonly Option<V>[], synonyms: Record<string, V>, what: string) {
  const index = new Map<string, V>();
  for (const o of options) {
    index.set(fold(o.value.replace(/_/g, " ")), o.value);
    index.set(fold(o.label), o.value);
  }
  for (const [word, value] of Object.entries(synonyms)) index.set(fold(word), value);
  return (raw: string): Parsed<V> => {
    if (blank(raw)) return { value: null };
    const value = index.get(fold(raw));
    return value ? { value } : { error: `« ${raw.trim()} » : ${what} non reconnue` };
  };
}

export const parseCivility = optionParser(
  CIVILITY_OPTIONS,
  { m: "M.", mr: "M.", monsieur: "M.", madame: "Mme", mlle: "Mme", mademoiselle: "Mme", mme: "Mme" },
  "civilité",
);
export const parseMaritalStatus = optionParser(
  MARITAL_STATUS_OPTIONS,
  {
    marie: "marie",
    mariee: "marie",
    pacs: "pacse",
    pacsee: "pacse",
    divorcee: "divorce",
    separe: "divorce",
    separee: "divorce",
    veuve: "veuf",
    concubinage: "union_libre",
    concubin: "union_libre",
    "vie maritale": "union_libre",
  },
  "situation matrimoniale",
);
export const parseProfessionalStatus = optionParser(
  PROFESSIONAL_STATUS_OPTIONS,
  {
    salarie: "salarie_prive",
    salariee: "salarie_prive",
    "salarie du prive": "salarie_prive",
    cadre: "salarie_prive",
    employe: "salarie_prive",
    ouvrier: "salarie_prive",
    "fonction publique": "fonctionnaire",
    tns: "tns_independant",
    independant: "tns_independant",
    artisan: "artisan_commercant",
    commercant: "artisan_commercant",
    agriculteur: "exploitant_agricole",
    exploitant: "exploitant_agricole",
    "auto entrepreneur": "tns_independant",
    "micro entrepreneur": "tns_independant",
    liberal: "profession_liberale",
    "chef d entreprise": "chef_entreprise",
    dirigeant: "chef_entreprise",
    gerant: "chef_entreprise",
    retraitee: "retraite",
    chomeur: "sans_emploi",
    "demandeur d emploi": "sans_emploi",
    etudiante: "etudiant",
  },
  "situation professionnelle",
);
export const parseHousing = optionParser(
  HOUSING_OPTIONS,
  { proprio: "proprietaire", loc: "locataire", heberge: "heberge", hebergee: "heberge", "loge gratuitement": "heberge" },
  "situation de logement",
);
export const parseOrigin = optionParser(
  CLIENT_ORIGIN_OPTIONS,
  {
    site: "site",
    web: "site",
    internet: "site",
    parrainage: "recommandation",
    reco: "recommandation",
    "bouche a oreille": "recommandation",
    passage: "chalandise",
    agence: "chalandise",
    leads: "lead",
  },
  "origine",
);

export type ParsedClientType = { type: "particulier" | "professionnel" | "entreprise"; tns: boolean };

const CLIENT_TYPE_WORDS: Record<string, ParsedClientType> = {
  particulier: { type: "particulier", tns: false },
  part: { type: "particulier", tns: false },
  individuel: { type: "particulier", tns: false },
  "personne physique": { type: "particulier", tns: false },
  pp: { type: "particulier", tns: false },
  professionnel: { type: "professionnel", tns: false },
  pro: { type: "professionnel", tns: false },
  tns: { type: "professionnel", tns: true },
  "pro tns": { type: "professionnel", tns: true },
  independant: { type: "professionnel", tns: true },
  artisan: { type: "professionnel", tns: true },
  commercant: { type: "professionnel", tns: true },
  "profession liberale": { type: "professionnel", tns: true },
  entreprise: { type: "entreprise", tns: false },
  ent: { type: "entreprise", tns: false },
  societe: { type: "entreprise", tns: false },
  "personne morale": { type: "entreprise", tns: false },
  pm: { type: "entreprise", tns: false },
};

export function parseClientType(raw: string): Parsed<ParsedClientType> {
  if (blank(raw)) return { value: null };
  const value = CLIENT_TYPE_WORDS[fold(raw)];
  return value ? { value } : { error: `« ${raw.trim()} » : type de client attendu (particulier, professionnel ou entreprise)` };
}

const OURS = new Set(["oui", "o", "1", "vrai", "true", "x", "agence", "cabinet", "chez nous", "nous"]);
const ELSEWHERE = new Set(["non", "n", "0", "faux", "false", "ailleurs", "concurrent", "concurrence", "externe", "autre assureur"]);

export function parseIsOurs(raw: string): Parsed<boolean> {
  if (blank(raw)) return { value: null };
  const v = fold(raw);
  if (OURS.has(v)) return { value: true };
  if (ELSEWHERE.has(v)) return { value: false };
  return { error: `« ${raw.trim()} » : oui (contrat de l'agence) ou non (détenu ailleurs) attendu` };
}

const PRODUCT_SYNONYMS: Record<string, ProductLine> = {
  automobile: "auto",
  vam: "auto",
  voiture: "auto",
  "2 roues": "moto",
  "deux roues": "moto",
  scooter: "moto",
  mrh: "habitation",
  "multirisque habitation": "habitation",
  logement: "habitation",
  mutuelle: "sante",
  "complementaire sante": "sante",
  adi: "emprunteur",
  "assurance pret": "emprunteur",
  pj: "protection_juridique",
  "accidents de la vie": "gav",
  vie: "assurance_vie",
  epargne: "assurance_vie",
  retraite: "per",
  chien: "animaux",
  chat: "animaux",
  "chien chat": "animaux",
  "rc pro": "rc_pro",
  rcp: "rc_pro",
  mrp: "multirisque_pro",
  "multirisque pro": "multirisque_pro",
  decennale: "rc_decennale",
  flotte: "flotte_automobile",
  "sante collective": "sante_prevoyance_collective",
  "prevoyance collective": "sante_prevoyance_collective",
  "mutuelle entreprise": "sante_prevoyance_collective",
  collective: "sante_prevoyance_collective",
  mri: "multirisque_immeuble",
  immeuble: "multirisque_immeuble",
  do: "dommage_ouvrage",
  "dommages ouvrage": "dommage_ouvrage",
};
const PRODUCT_INDEX = new Map<string, ProductLine>();
for (const line of PRODUCT_LINES) {
  PRODUCT_INDEX.set(fold(line.key.replace(/_/g, " ")), line.key);
  PRODUCT_INDEX.set(fold(line.label), line.key);
}
for (const [word, key] of Object.entries(PRODUCT_SYNONYMS)) PRODUCT_INDEX.set(fold(word), key);

export function parseProductLine(raw: string): Parsed<ProductLine> {
  if (blank(raw)) return { value: null };
  const key = PRODUCT_INDEX.get(fold(raw));
  return key ? { value: key } : { error: `« ${raw.trim()} » : produit inconnu (auto, habitation, santé, RC pro…)` };
}

const DOCUMENT_SYNONYMS: Record<string, string> = {
  cg: "carte_grise",
  "certificat d immatriculation": "carte_grise",
  permis: "permis_conduire",
  ri: "releve_information",
  "releve d information": "releve_information",
  "piece d identite": "cni",
  "carte d identite": "cni",
  passeport: "cni",
  bail: "bail_ou_titre",
  "titre de propriete": "bail_ou_titre",
  "justificatif de domicile": "justificatif_domicile",
  "questionnaire de sante": "questionnaire_sante",
  "offre de pret": "offre_pret",
  "avis d imposition": "avis_imposition",
  "extrait kbis": "kbis",
  "bail commercial": "bail_commercial_ou_titre",
  "cartes grises": "cartes_grises",
  dsn: "liste_personnel",
  "permis de construire": "permis_construire",
  doc: "declaration_ouverture_chantier",
};
const DOCUMENT_INDEX = new Map<string, string>();
for (const doc of Object.values(DOCUMENTS)) {
  DOCUMENT_INDEX.set(fold(doc.key.replace(/_/g, " ")), doc.key);
  DOCUMENT_INDEX.set(fold(doc.label), doc.key);
}
for (const [word, key] of Object.entries(DOCUMENT_SYNONYMS)) DOCUMENT_INDEX.set(fold(word), key);

/** "CNI, carte grise | permis": the pieces present, by key, label or usual short name. */
export function parseDocuments(raw: string): Parsed<string[]> {
  if (blank(raw)) return { value: null };
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const piece of raw
    .split(/[,;|+/]/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    const key = DOCUMENT_INDEX.get(fold(piece));
    if (key) keys.push(key);
    else unknown.push(piece);
  }
  if (unknown.length > 0) return { error: `pièce(s) non reconnue(s) : ${unknown.map((u) => `« ${u} »`).join(", ")}` };
  return { value: [...new Set(keys)] };
}
