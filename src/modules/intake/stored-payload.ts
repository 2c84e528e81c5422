import { decodeUtf8 } from "../../lib/decode-utf8";
import { inspectJson, type JsonInspection, readableText, storableJson } from "../../lib/json-text";

/**
 * What a lead keeps of what was sent (decision "intake keeps every byte"): the `payload` column holds
 * it as JSON, exactly, whenever the database can hold it as is: nearly always. When it cannot (a string
 * with NUL or half a surrogate pair, bytes that are not UTF-8, a number JSON cannot write, nesting past
 * the limit), `payload` holds a readable copy and `payload_raw` the exact bytes: read them back with
 * readLeadJson (API) or as the UTF-8 JSON text of the CSV record.
 */
export interface StoredPayload {
  value: unknown;
  raw: Buffer | null;
}

/**
 * `exactBytes` gives the bytes as sent when the channel has them (an API body, a batch item); without
 * them, the exact form is the value's JSON text, which escapes what is not text ("\u0000", "\ud800").
 */
export function storedPayload(value: unknown, exactBytes?: () => Buffer, seen: JsonInspection = inspectJson(value)): StoredPayload {
  if (!seen.tooDeep && !seen.notStorable) return { value, raw: null };
  const raw = exactBytes?.() ?? Buffer.from(JSON.stringify(value), "utf8");
  // Past the nesting limit the payload is kept as text: no copy of it is walked or serialised.
  if (seen.tooDeep) return { value: readableText(decodeUtf8(raw).text), raw };
  return { value: storableJson(value), raw };
}
