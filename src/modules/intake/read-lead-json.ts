import { decodeUtf8 } from "../../lib/decode-utf8";
import { inspectJson, MAX_JSON_DEPTH, pathText } from "../../lib/json-text";
import { AppError } from "../../platform/errors";
import { batchItemRanges } from "./batch-item-bytes";
import type { IngestItem } from "./judge-leads";
import { readSubmission } from "./read-submission";
import { reason } from "./rules/rejection";
import { storedPayload } from "./stored-payload";

export const MAX_BATCH_ITEMS = 1000;

const isJsonObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const invalidBody = (message: string, field = "body") => new AppError("validation_error", { field, message: `${field} : ${message}` });

/**
 * The JSON value of bytes sent to intake: a request body, or a lead's stored `payload_raw`. Bytes that
 * are not UTF-8 are kept as the lone surrogates that stand for them (decodeUtf8). Undefined: not JSON.
 */
export function readLeadJson(bytes: Buffer): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(decodeUtf8(bytes).text) };
  } catch {
    return undefined;
  }
}

/** An intake request's body (its bytes, left unparsed by the app's JSON parser): a JSON object, or a 400. */
export function jsonObjectBody(body: unknown): { value: Record<string, unknown>; bytes: Buffer } {
  if (typeof body === "string") throw invalidBody("envoyez le JSON avec l'en-tête Content-Type: application/json");
  const read = Buffer.isBuffer(body) ? readLeadJson(body) : undefined;
  if (!read) throw invalidBody("corps illisible, un objet JSON (UTF-8) est attendu");
  if (!isJsonObject(read.value)) throw invalidBody("un objet JSON est attendu");
  return { value: read.value, bytes: body as Buffer };
}

/**
 * One lead as sent, to be judged and stored whatever it holds. What cannot be read as a lead at all (not
 * an object, nested past the limit) is rejected with that one reason; the payload keeps everything.
 */
export function leadItem(value: unknown, exactBytes: () => Buffer): IngestItem {
  const seen = inspectJson(value);
  const payload = storedPayload(value, exactBytes, seen);
  const sent = { payload: () => payload };
  if (seen.tooDeep) {
    return {
      ...sent,
      submission: { type: "lead" },
      unreadable: reason("nesting_too_deep", pathText(seen.tooDeep), `${MAX_JSON_DEPTH} niveaux au plus`),
    };
  }
  if (!isJsonObject(value)) return { ...sent, submission: { type: "lead" }, unreadable: reason("lead_not_object", "lead") };
  const { submission, reasons } = readSubmission(value);
  return { ...sent, submission, preReasons: reasons };
}

/** A lead built in code (demo data, tests), read as the API reads the same JSON. */
export const objectItem = (value: object): IngestItem => leadItem(value, () => Buffer.from(JSON.stringify(value), "utf8"));

/** A batch body's items, each read on its own: one that is not a lead never fails the others. */
export function batchItems(body: Record<string, unknown>, bytes: Buffer): IngestItem[] {
  const leads = body.leads;
  if (!Array.isArray(leads) || leads.length === 0 || leads.length > MAX_BATCH_ITEMS) {
    throw invalidBody(`un tableau de 1 à ${MAX_BATCH_ITEMS.toLocaleString("fr-FR")} leads est attendu`, "body.leads");
  }
  // Item offsets are looked for only when an item needs its own bytes (nearly never).
  let ranges: [number, number][] | undefined;
  const itemBytes = (i: number) => {
    ranges ??= batchItemRanges(bytes);
    const range = ranges[i];
    return range ? bytes.subarray(range[0], range[1]) : bytes;
  };
  return leads.map((value, i) => leadItem(value, () => itemBytes(i)));
}
