import { ApiError, csrfHeader, toApiError } from "../../api/client";
import type { CsvImport } from "./types";

/**
 * PUT of the raw file with XMLHttpRequest, because fetch() reports no upload progress.
 * Resolves with the import summary the server sends once every row has been judged.
 */
export function uploadImportFile(
  id: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
): { done: Promise<CsvImport>; abort(): void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<CsvImport>((resolve, reject) => {
    xhr.open("PUT", `/api/v1/imports/${encodeURIComponent(id)}/file`);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.setRequestHeader("accept", "application/json");
    for (const [name, value] of Object.entries(csrfHeader())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        payload = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as CsvImport);
      else reject(toApiError(xhr.status, payload));
    };
    xhr.onerror = () => reject(new ApiError(0, "network_error", "La connexion a été interrompue pendant l'envoi du fichier."));
    xhr.onabort = () => reject(new ApiError(0, "aborted", "Envoi annulé."));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
