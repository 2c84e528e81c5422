import { isStorableText, NOT_STORABLE } from "../../../lib/json-text";
import { type ClientValues, type ContractValues, checkClientFields, checkContractFields } from "../check-client";
import { type ClientPatchInput, type ContractPatchInput, clientPatchSchema, contractPatchSchema } from "../client-input";
import type { ProductLine } from "../rules/product-lines";
import type { ImportDirectory } from "./import-directory";
import { IMPORT_FIELDS, type ImportFieldKey } from "./import-fields";
import * as p from "./parse-cell";
import { parseIncomeTaxRate, parseLegalForm, parseManagerRole, parsePetSpecies } from "./parse-client-cells";

export interface ImportRow {
  line: number;
  client: ClientValues & { type: NonNullable<ClientValues["type"]> };
  /** The type came from the file; an inferred one is only used when the client is created. */
  typeExplicit: boolean;
  contract: ContractValues & { productLine: ProductLine };
  /** How rows of one client are told apart: CRM reference, else SIRET, else name + birth date + postal code. */
  groupKey: string | null;
}

export type RowOutcome = { ok: true; row: ImportRow } | { ok: false; reasons: string[] };

const LABELS = new Map(IMPORT_FIELDS.map((f) => [f.key as string, f.label]));
const TEXT_CLIENT: Partial<Record<ImportFieldKey, keyof ClientPatchInput>> = {
  clientRef: "externalRef",
  lastName: "lastName",
  firstName: "firstName",
  companyName: "companyName",
  addressLine: "addressLine",
  postalCode: "postalCode",
  city: "city",
  phone: "phone",
  email: "email",
  siret: "siret",
  nafCode: "nafCode",
  activity: "activity",
  managerName: "managerName",
  insuranceContactName: "insuranceContactName",
};
const PARSED_CLIENT: Partial<Record<ImportFieldKey, [keyof ClientPatchInput, (raw: string, today: string) => p.Parsed<unknown>]>> = {
  isTns: ["isTns", p.parseBoolean],
  civility: ["civility", p.parseCivility],
  birthDate: ["birthDate", p.parseDate],
  maritalStatus: ["maritalStatus", p.parseMaritalStatus],
  professionalStatus: ["professionalStatus", p.parseProfessionalStatus],
  childrenCount: ["childrenCount", p.parseInteger],
  housing: ["housing", p.parseHousing],
  vehicleCount: ["vehicleCount", p.parseInteger],
  petSpecies: ["petSpecies", parsePetSpecies],
  incomeTaxRate: ["incomeTaxRate", parseIncomeTaxRate],
  legalForm: ["legalForm", parseLegalForm],
  managerRole: ["managerRole", parseManagerRole],
  annualRevenue: ["annualRevenue", (raw) => roundNumber(p.parseNumber(raw))],
  headcount: ["headcount", p.parseInteger],
  origin: ["origin", p.parseOrigin],
};
const TEXT_CONTRACT: Partial<Record<ImportFieldKey, keyof ContractPatchInput>> = {
  contractRef: "externalRef",
  insurerName: "insurerName",
  summary: "summary",
};
const PARSED_CONTRACT: Partial<Record<ImportFieldKey, [keyof ContractPatchInput, (raw: string, today: string) => p.Parsed<unknown>]>> = {
  isOurs: ["isOurs", p.parseIsOurs],
  startDate: ["startDate", p.parseDate],
  renewalDate: ["renewalDate", p.parseDate],
  premium: ["premiumCents", (raw) => centsOf(p.parseNumber(raw))],
  dpSigned: ["dpSigned", p.parseBoolean],
  quoteSigned: ["quoteSigned", p.parseBoolean],
  documentsProvided: ["documentsProvided", p.parseDocuments],
};

function roundNumber(n: p.Parsed<number>): p.Parsed<number> {
  return n.value == null ? n : { value: Math.round(n.value) };
}
function centsOf(n: p.Parsed<number>): p.Parsed<number> {
  return n.value == null ? n : { value: Math.round(n.value * 100) };
}

/**
 * One CSV row → a checked client and contract, through the same checks as the form. Every reason is
 * kept, named after the user's own column ("SIRET : clé de contrôle…"), for the rejection report.
 */
export function rowToInput(
  line: number,
  record: Record<string, string>,
  mapping: Record<string, string>,
  directory: ImportDirectory,
  /** Paris day of the import (yyyy-mm-dd): two-digit years, birth dates in the future. */
  today: string,
): RowOutcome {
  const reasons: string[] = [];
  const columnOf = new Map<string, string>();
  const cells = new Map<string, string>();
  const say = (key: string, message: string) => reasons.push(`${columnOf.get(key) ?? LABELS.get(key) ?? key} : ${message}`);
  for (const [column, key] of Object.entries(mapping)) {
    if (!key) continue;
    columnOf.set(key, column);
    const cell = (record[column] ?? "").trim();
    // A cell the database cannot hold (a NUL byte) would fail the whole batch: the row is refused instead.
    if (!isStorableText(cell)) say(key, NOT_STORABLE);
    else if (cell !== "") cells.set(key, cell);
  }

  const client: ClientPatchInput = {};
  const contract: ContractPatchInput = {};
  for (const [key, cell] of cells) {
    const k = key as ImportFieldKey;
    const text = TEXT_CLIENT[k];
    if (text) (client as Record<string, unknown>)[text] = cell;
    const parsedClient = PARSED_CLIENT[k];
    const textContract = TEXT_CONTRACT[k];
    if (textContract) (contract as Record<string, unknown>)[textContract] = cell;
    const parsedContract = PARSED_CONTRACT[k];
    for (const [target, parse, into] of [
      ...(parsedClient ? [[parsedClient[0], parsedClient[1], client] as const] : []),
      ...(parsedContract ? [[parsedContract[0], parsedContract[1], contract] as const] : []),
    ]) {
      const r = parse(cell, today);
      if (r.error !== undefined) say(k, r.error);
      else (into as Record<string, unknown>)[target] = r.value;
    }
  }

  const parsedType = cells.has("type") ? p.parseClientType(cells.get("type") as string) : { value: null };
  if (parsedType.error !== undefined) say("type", parsedType.error);
  const type =
    parsedType.value?.type ?? (client.companyName && !client.lastName ? "entreprise" : client.siret ? "professionnel" : "particulier");
  client.type = type;
  if (parsedType.value?.tns) client.isTns = true;

  if (cells.has("agency")) {
    const id = directory.agency(cells.get("agency") as string);
    if (id) client.agencyId = id;
    else say("agency", `agence « ${cells.get("agency")} » inconnue : créez-la d'abord (Agences et équipe)`);
  }
  for (const [key, target, into] of [
    ["accountManager", "accountManagerId", client],
    ["seller", "sellerId", contract],
  ] as const) {
    if (!cells.has(key)) continue;
    const id = directory.user(cells.get(key) as string);
    if (id) (into as Record<string, unknown>)[target] = id;
    else say(key, `collaborateur « ${cells.get(key)} » inconnu du cabinet (nom, prénom ou e-mail de son compte)`);
  }

  const productLine = cells.has("productLine") ? p.parseProductLine(cells.get("productLine") as string) : { value: null };
  if (productLine.error !== undefined) say("productLine", productLine.error);
  else if (productLine.value === null) reasons.push("Produit du contrat manquant");
  if (!client.lastName && !client.companyName) reasons.push("Nom ou raison sociale manquant");

  // Lengths and ranges, as the API checks them.
  for (const [schema, input] of [
    [clientPatchSchema, client],
    [contractPatchSchema, contract],
  ] as const) {
    const shape = schema.safeParse(input);
    if (!shape.success)
      for (const issue of shape.error.issues) say(fieldKeyOf(String(issue.path[0])), `valeur hors limites (${issue.message})`);
  }
  if (reasons.length > 0 || !productLine.value) return { ok: false, reasons };

  const checkedClient = checkClientFields(client, { today });
  const checkedContract = checkContractFields({ ...contract, productLine: productLine.value });
  for (const issue of [...checkedClient.issues, ...checkedContract.issues]) say(fieldKeyOf(issue.field), issue.message);
  if (reasons.length > 0) return { ok: false, reasons };

  const c = { ...checkedClient.values, type };
  return {
    ok: true,
    row: {
      line,
      client: c,
      typeExplicit: parsedType.value !== null,
      contract: { ...checkedContract.values, productLine: productLine.value },
      groupKey: groupKeyOf(c),
    },
  };
}

const FIELD_KEYS: Record<string, ImportFieldKey> = {
  externalRef: "clientRef",
  premiumCents: "premium",
  agencyId: "agency",
  accountManagerId: "accountManager",
  sellerId: "seller",
};
/** Maps a checked field back to the import field, to name the user's column in the reason. */
function fieldKeyOf(field: string): string {
  return FIELD_KEYS[field] ?? field;
}

export function groupKeyOf(c: ClientValues): string | null {
  if (c.externalRef) return `ref:${c.externalRef}`;
  if (c.siret) return `siret:${c.siret}`;
  if (c.lastName && c.birthDate && c.postalCode) return `person:${personKey(c.lastName, c.firstName, c.birthDate, c.postalCode)}`;
  return null;
}

export function personKey(lastName: string, firstName: string | null | undefined, birthDate: string, postalCode: string): string {
  return [p.fold(lastName), p.fold(firstName ?? ""), birthDate, postalCode].join("|");
}
