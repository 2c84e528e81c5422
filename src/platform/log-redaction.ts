/**
 * What the logs may hold: no personal data, no secrets. The errors that reach a log are mostly the
 * database's, and those carry the data they failed on: Drizzle puts every query parameter in its
 * message (names, phones, e-mails, IPs), PostgreSQL its `detail` ("Failing row contains (…)",
 * "Key (email)=(…) already exists") and, for a bad value, the value itself in its message. So an error
 * is logged by allow-list: its kind, its codes and the SQL text (parameters are placeholders there),
 * never the values. Requests are logged without the client's address nor the query string's values.
 */

const MASK = "[masqué]";
// Fields of a PostgreSQL error that name things, never hold row values.
const SAFE_FIELDS = ["code", "severity", "routine", "schema", "table", "column", "constraint", "dataType", "statusCode"] as const;

/** Drizzle's "\nparams: …" tail, and a value PostgreSQL quotes at the end of its message. */
export function redactMessage(message: string): string {
  return message
    .replace(/\nparams: [\s\S]*$/, `\nparams: ${MASK}`)
    .replace(/: "[\s\S]*"$/, `: ${MASK}`)
    .replace(/\b(Key|Failing row contains) \([\s\S]*$/, `$1 ${MASK}`);
}

type LoggedError = { type: string; message: string; stack: string; [key: string]: unknown };

export function redactError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: MASK, stack: "" };
  const e = err as Error & Record<string, unknown>;
  // The stack starts with the message again: only its frames are kept as they are.
  const stack = e.stack ?? "";
  const frames = stack.indexOf("\n    at ");
  const out: LoggedError = {
    type: e.constructor?.name ?? "Error",
    message: redactMessage(e.message),
    stack: frames < 0 ? redactMessage(stack) : redactMessage(stack.slice(0, frames)) + stack.slice(frames),
  };
  if (typeof e.query === "string") out.query = e.query;
  for (const key of SAFE_FIELDS) if (e[key] !== undefined && typeof e[key] !== "object") out[key] = e[key];
  if (e.cause !== undefined && depth < 3) out.cause = redactError(e.cause, depth + 1);
  return out;
}

/** The request as logged: its method, route and id; query values and the client's address left out. */
export function redactRequest(req: { method?: string; url?: string; id?: unknown }): { method?: string; url?: string; id?: unknown } {
  const [path, query] = (req.url ?? "").split("?", 2);
  const keys = query ? [...new URLSearchParams(query).keys()] : [];
  return { method: req.method, url: keys.length > 0 ? `${path}?${keys.map((k) => `${k}=${MASK}`).join("&")}` : path, id: req.id };
}

export const logSerializers = { err: (e: unknown) => redactError(e), req: redactRequest };
