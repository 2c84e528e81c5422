export type ImportStatus = "pending" | "running" | "done" | "failed" | "interrupted";

export interface CsvImport {
  id: string;
  product: string;
  filename: string;
  status: ImportStatus;
  sizeBytes: number | null;
  bytesRead: number;
  totalRows: number;
  accepted: number;
  rejected: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  pending: "En attente du fichier",
  running: "En cours",
  done: "Terminé",
  failed: "Échec",
  interrupted: "Interrompu",
};

export const reportUrl = (id: string) => `/api/v1/imports/${id}/report.csv`;
export const templateUrl = (slug: string) => `/api/v1/catalogue/${encodeURIComponent(slug)}/template.csv`;
