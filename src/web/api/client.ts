/**
 * The one way the web app talks to the API: JSON in and out, the session cookie, the CSRF header on
 * every non-GET call, and errors turned into ApiError with the server's French message.
 */

export interface ApiErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

// Set from the session answer; kept outside React so that any call site can send it.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

export function csrfHeader(): Record<string, string> {
  return csrfToken ? { "x-csrf-token": csrfToken } : {};
}

type QueryValue = string | number | boolean | null | undefined;

export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  query?: Record<string, QueryValue>;
  /** Statuses other than 2xx whose JSON body is a normal answer (e.g. 422 for a rejected lead). */
  acceptStatuses?: number[];
  signal?: AbortSignal;
  /** Extra request headers (e.g. Idempotency-Key). */
  headers?: Record<string, string>;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<{ status: number; data: T }> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (method !== "GET") Object.assign(headers, csrfHeader());
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.headers) Object.assign(headers, options.headers);

  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network_error", "Serveur injoignable : vérifiez votre connexion et réessayez.");
  }

  if (response.status === 204) return { status: 204, data: undefined as T };
  const payload = await readJson(response);
  if (response.ok || options.acceptStatuses?.includes(response.status)) return { status: response.status, data: payload as T };
  throw toApiError(response.status, payload);
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return (await apiRequest<T>(path, options)).data;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function toApiError(status: number, payload: unknown): ApiError {
  const body = payload as Partial<ApiErrorBody> | null;
  if (body?.error?.message) {
    return new ApiError(status, body.error.code ?? "error", body.error.message, body.error.field, body.error.details);
  }
  return new ApiError(status, "http_error", `Erreur inattendue du serveur (HTTP ${status}).`);
}

/** A French sentence for any thrown value, for alerts and toasts. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return e.message;
  return "Une erreur inattendue est survenue.";
}

/**
 * The server's messages by field, as forms key their inputs: "body.actions.0.dueDate" and
 * "actions.0.dueDate" both become "actions.0.dueDate". Each message is a whole French sentence that
 * names the field ("Champ obligatoire : date d'échéance de l'action 1"), shown as is under the input.
 */
export function fieldErrors(e: unknown): Record<string, string> {
  if (!(e instanceof ApiError)) return {};
  const details = Array.isArray(e.details) ? (e.details as { field?: string; message?: string }[]) : [];
  const list = details.length > 0 ? details : [{ field: e.field, message: e.message }];
  const out: Record<string, string> = {};
  for (const d of list) {
    if (!d.field || !d.message) continue;
    out[d.field.replace(/^body\./, "")] ??= d.message;
  }
  return out;
}
