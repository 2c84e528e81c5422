import type { Wire } from "../../../lib/wire";
import type { CsvImportView } from "../../../modules/intake/api";
import type { ImportStatus } from "../../../modules/intake/rules/lead-states";

/** A CSV import as the browser receives it, derived from the shared schema (modules/intake/api.ts). */
export type CsvImport = Wire<CsvImportView>;

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  pending: "En attente du fichier",
  running: "En cours",
  done: "Terminé",
  failed: "Échec",
  interrupted: "Interrompu",
};

export const reportUrl = (id: string) => `/api/v1/imports/${id}/report.csv`;
export const templateUrl = (slug: string) => `/api/v1/catalogue/${encodeURIComponent(slug)}/template.csv`;
