import { ApiError, csrfHeader, toApiError } from "./client";

/**
 * PUT of a raw file with XMLHttpRequest, because fetch() reports no upload progress. Resolves with the
 * JSON the server answers once it has processed the file (imports answer with their summary).
 */
export function putFileWithProgress<T>(
  url: string,
  file: File,
  onProgress: (sent: number, total: number) => void,
): { done: Promise<T>; abort(): void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open("PUT", url);
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
      if (xhr.status >= 200 && xhr.status < 300) resolve(payload as T);
      else reject(toApiError(xhr.status, payload));
    };
    xhr.onerror = () => reject(new ApiError(0, "network_error", "La connexion a été interrompue pendant l'envoi du fichier."));
    xhr.onabort = () => reject(new ApiError(0, "aborted", "Envoi annulé."));
    xhr.send(file);
  });
  return { done, abort: () => xhr.abort() };
}
