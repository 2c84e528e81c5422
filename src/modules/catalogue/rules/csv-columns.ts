import { withoutUndefined } from "../../../lib/without-undefined";
import type { LeadSubmission } from "../../intake/rules/lead-submission";
import { type RejectionReason, reason } from "../../intake/rules/rejection";
import { formatParisDateTime, parseHumanDateTime } from "./dates";
import { formatFieldText } from "./format-text";
import { normalizeLabel, parseBooleanText, parseFieldText } from "./parse-text";
import { productBySlug } from "./products";
import { SAMPLE_CONSENT, SAMPLE_CONTACT, sampleFieldValues } from "./samples";

/**
 * CSV layout for suppliers: fixed contact/consent columns (French, lowercase, no accents, so that any
 * spreadsheet keeps them intact) followed by one column per product field, named by its key.
 */

interface FixedColumn {
  name: string;
  /** Other headers accepted, chiefly the API's camelCase names so that one export format fits both. */
  aliases: string[];
}

export const CSV_FIXED_COLUMNS: readonly FixedColumn[] = [
  { name: "prenom", aliases: ["firstName"] },
  { name: "nom", aliases: ["lastName", "nom de famille"] },
  { name: "telephone", aliases: ["phone", "tel", "portable", "mobile"] },
  { name: "email", aliases: ["e-mail", "mail", "courriel"] },
  { name: "code_postal", aliases: ["postalCode", "cp"] },
  { name: "ville", aliases: ["city", "commune"] },
  { name: "consentement_methode", aliases: ["method", "methode", "consentMethod"] },
  { name: "case_precochee", aliases: ["prechecked"] },
  { name: "consentement_version", aliases: ["textVersion", "version_consentement"] },
  { name: "consentement_date", aliases: ["collectedAt", "date_consentement"] },
  { name: "ip", aliases: ["adresse_ip"] },
  { name: "user_agent", aliases: ["userAgent"] },
  { name: "url_source", aliases: ["sourceUrl", "url"] },
  { name: "centre_appels", aliases: ["callCenter"] },
  { name: "teleconseiller", aliases: ["agent"] },
  { name: "ref_enregistrement", aliases: ["recordingRef"] },
  { name: "ref_externe", aliases: ["externalRef", "reference"] },
  // Qualified appointments (decision 016): optional columns, not in the lead template.
  { name: "type", aliases: ["type_lead"] },
  { name: "rdv_disponibilites", aliases: ["availabilities", "disponibilites"] },
  { name: "rdv_canal", aliases: ["channel", "canal"] },
  { name: "rdv_confirmation", aliases: ["confirmation"] },
  { name: "rdv_consentement", aliases: ["consentement_renforce"] },
  { name: "rdv_consentement_version", aliases: ["version_consentement_renforce"] },
  { name: "rdv_consentement_date", aliases: ["date_consentement_renforce"] },
];

/** The RDV columns: read when present, never asked for by the lead template. */
const RDV_COLUMNS = new Set<string>([
  "type",
  "rdv_disponibilites",
  "rdv_canal",
  "rdv_confirmation",
  "rdv_consentement",
  "rdv_consentement_version",
  "rdv_consentement_date",
]);

const LEAD_COLUMNS = CSV_FIXED_COLUMNS.filter((c) => !RDV_COLUMNS.has(c.name));

/** Header matching ignores case, accents, BOM, spaces and punctuation: "Code postal" = "code_postal" = "postalCode". */
// A file repeats the same headers on every row (100,000 times in a big import): normalise each once.
const normalizedHeaders = new Map<string, string>();

export function normalizeHeader(header: string): string {
  let key = normalizedHeaders.get(header);
  if (key === undefined) {
    key = normalizeLabel(header.replace(/^\uFEFF/, "")).replace(/[^a-z0-9]/g, "");
    if (normalizedHeaders.size > 10_000) normalizedHeaders.clear();
    normalizedHeaders.set(header, key);
  }
  return key;
}

function productOrThrow(slug: string) {
  const product = productBySlug(slug);
  if (!product) throw new Error(`Produit inconnu : ${slug}`);
  return product;
}

export function csvHeader(slug: string): string[] {
  return [...LEAD_COLUMNS.map((c) => c.name), ...productOrThrow(slug).fields.map((f) => f.key)];
}

/**
 * Header plus one realistic row, the cells in the formats a French spreadsheet produces (written out by
 * the server's CSV writer: src/modules/intake/csv-import/template.ts).
 * `consentVersion` should be the version in force, so a supplier who fills the template as is sends valid rows.
 */
export function csvTemplateRows(slug: string, now: Date, consentVersion: string = SAMPLE_CONSENT.textVersion): string[][] {
  const product = productOrThrow(slug);
  const samples = sampleFieldValues(slug, now);
  const fixed: Record<string, string> = {
    prenom: SAMPLE_CONTACT.firstName,
    nom: SAMPLE_CONTACT.lastName,
    telephone: SAMPLE_CONTACT.phone,
    email: SAMPLE_CONTACT.email,
    code_postal: SAMPLE_CONTACT.postalCode,
    ville: SAMPLE_CONTACT.city,
    consentement_methode: "case",
    case_precochee: "non",
    consentement_version: consentVersion,
    consentement_date: formatParisDateTime(new Date(now.getTime() - 60 * 60 * 1000)),
    ip: SAMPLE_CONSENT.ip,
    user_agent: SAMPLE_CONSENT.userAgent,
    url_source: SAMPLE_CONSENT.sourceUrl,
    centre_appels: "",
    teleconseiller: "",
    ref_enregistrement: "",
    ref_externe: "CMD-2026-000123",
  };
  const row = [...LEAD_COLUMNS.map((c) => fixed[c.name] ?? ""), ...product.fields.map((f) => formatFieldText(f, samples[f.key]))];
  return [csvHeader(slug), row];
}

const CHECKBOX_WORDS = new Set(["checkbox", "case", "case a cocher", "case cochee", "web", "formulaire", "internet"]);
const ORAL_WORDS = new Set(["oral", "telephone", "appel", "call center", "centre d'appels", "centre d appels"]);

/** The API speaks "checkbox" / "oral"; suppliers write it in French. Unknown words pass through to be rejected. */
function consentMethod(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const n = normalizeLabel(raw);
  if (CHECKBOX_WORDS.has(n)) return "checkbox";
  if (ORAL_WORDS.has(n)) return "oral";
  return raw;
}

export interface CsvRecordResult {
  submission: LeadSubmission;
  /** Cells that could not be read (field_invalid / field_invalid_option), to report with the validation reasons. */
  fieldErrors: RejectionReason[];
}

export interface CsvRowReader {
  /** The submission a row of cells (in header order) stands for. */
  read(cells: readonly string[]): CsvRecordResult;
  /** Positions of the header's columns that the product's template does not know (kept aside, never dropped). */
  unknownColumns: readonly number[];
}

/**
 * Reads the rows of one file: which column holds which template column is worked out once from the
 * header, not per row (a big import has 100,000 rows). Headers match by name first, then by each alias;
 * among duplicate headers the first filled cell wins, an empty duplicate never erases it.
 */
export function csvRowReader(slug: string, header: readonly string[]): CsvRowReader {
  const keys = header.map(normalizeHeader);
  const known = new Set<string>();
  const sourcesOf = (name: string, aliases: readonly string[] = []): number[] => {
    const positions: number[] = [];
    for (const h of [name, ...aliases].map(normalizeHeader)) {
      known.add(h);
      keys.forEach((k, i) => {
        if (k === h) positions.push(i);
      });
    }
    return positions;
  };
  // Positions of each fixed column ("prenom", "telephone"…), by priority.
  const fixed: Record<string, number[]> = Object.fromEntries(CSV_FIXED_COLUMNS.map((c) => [c.name, sourcesOf(c.name, c.aliases)]));
  const product = productBySlug(slug);
  const fieldSources = (product?.fields ?? []).map((field) => ({ field, sources: sourcesOf(field.key) }));
  const unknownColumns = keys.flatMap((k, i) => (known.has(k) ? [] : [i]));

  const read = (cells: readonly string[]): CsvRecordResult => {
    const cell = (positions: readonly number[] | undefined): string | undefined => {
      if (!positions) return undefined;
      for (const i of positions) {
        const v = cells[i];
        if (typeof v === "string") {
          const text = v.trim();
          if (text !== "") return text;
        }
      }
      return undefined;
    };
    const fieldErrors: RejectionReason[] = [];
    const precheckedRaw = cell(fixed.case_precochee);
    const prechecked = precheckedRaw === undefined ? undefined : parseBooleanText(precheckedRaw);
    if (precheckedRaw !== undefined && prechecked === undefined) {
      fieldErrors.push(reason("field_invalid", "consent.prechecked", `case_precochee « ${precheckedRaw} » : oui ou non attendu`));
    }
    const collectedRaw = cell(fixed.consentement_date);
    const collectedAt = collectedRaw === undefined ? undefined : parseHumanDateTime(collectedRaw);
    if (collectedRaw !== undefined && collectedAt === undefined) {
      // Not passed through: Date would read "01/02/2026" as 2 January, a silently wrong consent proof.
      fieldErrors.push(reason("field_invalid", "consent.collectedAt", `consentement_date « ${collectedRaw} » : JJ/MM/AAAA HH:MM attendu`));
    }

    const fields: Record<string, unknown> = {};
    if (product) {
      for (const { field, sources } of fieldSources) {
        const raw = cell(sources);
        if (raw === undefined) continue;
        const parsed = parseFieldText(field, raw);
        if (parsed.ok) {
          if (parsed.value !== undefined) fields[field.key] = parsed.value;
        } else {
          // The raw text is kept so the stored lead shows what the supplier sent.
          fields[field.key] = raw;
          fieldErrors.push(reason(parsed.code ?? "field_invalid", `fields.${field.key}`, `${field.label} : « ${raw} »`));
        }
      }
    } else {
      fieldErrors.push(reason("product_unknown", "product", slug));
      // Unknown product: keep the extra columns as they came, nothing the supplier sent is dropped.
      for (const i of unknownColumns) {
        const text = cells[i]?.trim() ?? "";
        const name = header[i] as string;
        if (text !== "" && !(name in fields)) fields[name] = text;
      }
    }

    const rdv = normalizeLabel(cell(fixed.type) ?? "") === "rdv";
    const at = rdv ? cell(fixed.rdv_consentement_date) : undefined;
    const reinforcedAt = at === undefined ? undefined : parseHumanDateTime(at);
    if (at !== undefined && reinforcedAt === undefined) {
      fieldErrors.push(
        reason("field_invalid", "appointment.reinforcedConsent.collectedAt", `rdv_consentement_date « ${at} » : JJ/MM/AAAA HH:MM attendu`),
      );
    }
    const submission: LeadSubmission = withoutUndefined({
      product: slug,
      type: rdv ? ("rdv" as const) : ("lead" as const),
      appointment: rdv
        ? withoutUndefined({
            // Slots as suppliers write them, "02/12/2026 10:00 | 03/12/2026 14:00" (Paris time) or ISO, separated by | or ;.
            availabilities: (cell(fixed.rdv_disponibilites) ?? "")
              .split(/[|;]/)
              .map((s) => s.trim())
              .filter((s) => s !== "")
              .map((s) => parseHumanDateTime(s) ?? s),
            channel: channelWord(cell(fixed.rdv_canal)),
            confirmation: confirmationWord(cell(fixed.rdv_confirmation)),
            reinforcedConsent: withoutUndefined({
              accepted: parseBooleanText(cell(fixed.rdv_consentement) ?? ""),
              textVersion: cell(fixed.rdv_consentement_version),
              collectedAt: reinforcedAt,
            }),
          })
        : undefined,
      contact: withoutUndefined({
        firstName: cell(fixed.prenom),
        lastName: cell(fixed.nom),
        phone: cell(fixed.telephone),
        email: cell(fixed.email),
        postalCode: cell(fixed.code_postal),
        city: cell(fixed.ville),
      }),
      consent: withoutUndefined({
        method: consentMethod(cell(fixed.consentement_methode)),
        prechecked,
        textVersion: cell(fixed.consentement_version),
        collectedAt,
        ip: cell(fixed.ip),
        userAgent: cell(fixed.user_agent),
        sourceUrl: cell(fixed.url_source),
        callCenter: cell(fixed.centre_appels),
        agent: cell(fixed.teleconseiller),
        recordingRef: cell(fixed.ref_enregistrement),
      }),
      fields,
      externalRef: cell(fixed.ref_externe),
    });
    return { submission, fieldErrors };
  };
  return { read, unknownColumns };
}

/** "Téléphone", "tel", "visio"… as the API's words; unknown words pass through to be rejected. */
function channelWord(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const n = normalizeLabel(raw).replace(/[^a-z]/g, "");
  if (["telephone", "tel", "appel"].includes(n)) return "telephone";
  if (["visio", "visioconference", "video"].includes(n)) return "visio";
  return raw;
}

function confirmationWord(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const n = normalizeLabel(raw).replace(/[^a-z]/g, "");
  if (n === "sms") return "sms";
  if (["email", "mail", "courriel"].includes(n)) return "email";
  return raw;
}

/** One record keyed by header (a row read on its own, e.g. in tests): see csvRowReader for files. */
export function csvRecordToSubmission(slug: string, record: Record<string, string>): CsvRecordResult {
  return csvRowReader(slug, Object.keys(record)).read(Object.values(record));
}
