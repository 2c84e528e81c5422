import { ApiError, csrfHeader, toApiError } from "../../api/client";
import type { CrmImport, ImportPreview } from "./types";

/** The server reads no more than this for the mapping step; sending the rest would be wasted. */
const PREVIEW_BYTES = 64 * 1024;

export async function previewFile(file: File): Promise<ImportPreview> {
  let response: Response;
  try {
    response = await fetch("/api/v1/crm/imports/preview", {
      method: "POST",
      headers: { accept: "application/json", "content-type": "text/csv", ...csrfHeader() },
      credentials: "same-origin",
      body: file.slice(0, PREVIEW_BYTES),
    });
  } catch {
    throw new ApiError(0, "network_error", "Serveur injoignable : vérifiez votre connexion et réessayez.");
  }
  const text = await response.text();
  const payload = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) throw toApiError(response.status, payload);
  return payload as ImportPreview;
}

/** PUT of the whole file with XMLHttpRequest, which (unlike fetch) reports upload progress. */
export function uploadFile(id: string, file: File, onProgress: (sent: number, total: number) => void): Promise<CrmImport> {
  const xhr = new XMLHttpRequest();
  return new Promise<CrmImport>((resolve, reject) => {
    xhr.open("PUT", `/api/v1/crm/imports/${encodeURIComponent(id)}/file`);
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
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as CrmImport);
      else reject(toApiError(xhr.status, payload));
    };
    xhr.onerror = () => reject(new ApiError(0, "network_error", "La connexion a été interrompue pendant l'envoi du fichier."));
    xhr.send(file);
  });
}
