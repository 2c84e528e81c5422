import { putFileWithProgress } from "../../api/upload";
import type { CsvImport } from "./types";

/** Sends the file of a lead import; resolves with the summary once every row has been judged. */
export const uploadImportFile = (id: string, file: File, onProgress: (sent: number, total: number) => void) =>
  putFileWithProgress<CsvImport>(`/api/v1/imports/${encodeURIComponent(id)}/file`, file, onProgress);
