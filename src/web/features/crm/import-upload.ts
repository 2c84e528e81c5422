import { ApiError, csrfHeader, toApiError } from "../../api/client";
import { putFileWithProgress } from "../../api/upload";
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

/** Sends the file of a CRM import; resolves with the import report once every row is processed. */
export function uploadFile(id: string, file: File, onProgress: (sent: number, total: number) => void): Promise<CrmImport> {
  return putFileWithProgress<CrmImport>(`/api/v1/crm/imports/${encodeURIComponent(id)}/file`, file, onProgress).done;
}
