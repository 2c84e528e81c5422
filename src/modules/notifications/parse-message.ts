import type { AttachmentMeta } from "./schema";

/**
 * Just enough MIME to show a captured message in the outbox: headers (RFC 2047 encoded words), the first
 * text/plain part, and each attachment's name, type and size. Not a general parser: the full message stays
 * available as .eml for anything finer.
 */
export interface ParsedMessage {
  headers: Map<string, string[]>;
  subject: string | null;
  from: string | null;
  to: string | null;
  messageId: string | null;
  text: string;
  attachments: AttachmentMeta[];
}

interface Collected {
  text: string | null;
  html: string | null;
  attachments: AttachmentMeta[];
}

const MAX_DEPTH = 10;

export function parseMessage(raw: Buffer): ParsedMessage {
  // One char per byte: transfer decoding works on bytes, charsets are applied once a part is decoded.
  const binary = raw.toString("latin1").replace(/\r\n/g, "\n");
  const { headers } = splitEntity(binary);
  const out: Collected = { text: null, html: null, attachments: [] };
  walk(binary, out, 0);
  const first = (name: string) => {
    const v = headers.get(name)?.[0];
    return v === undefined ? null : decodeWords(v);
  };
  return {
    headers,
    subject: first("subject"),
    from: first("from"),
    to: first("to"),
    messageId: first("message-id"),
    text: (out.text ?? (out.html ? htmlToText(out.html) : "")).replace(/\r\n/g, "\n"),
    attachments: out.attachments,
  };
}

function walk(entity: string, out: Collected, depth: number) {
  const { headers, body } = splitEntity(entity);
  const contentType = parseParams(headers.get("content-type")?.[0] ?? "text/plain");
  const type = contentType.value.toLowerCase() || "text/plain";
  if (type.startsWith("multipart/") && contentType.params.boundary && depth < MAX_DEPTH) {
    for (const part of splitMultipart(body, contentType.params.boundary)) walk(part, out, depth + 1);
    return;
  }
  const disposition = parseParams(headers.get("content-disposition")?.[0] ?? "");
  const filename = disposition.params.filename ?? contentType.params.name ?? null;
  const bytes = decodeTransfer(body, headers.get("content-transfer-encoding")?.[0] ?? "7bit");
  const inline = disposition.value.toLowerCase() !== "attachment" && filename === null;
  const charset = contentType.params.charset ?? "utf-8";
  if (inline && type === "text/plain" && out.text === null) out.text = decodeCharset(bytes, charset);
  else if (inline && type === "text/html" && out.html === null) out.html = decodeCharset(bytes, charset);
  else out.attachments.push({ filename, contentType: type, size: bytes.length });
}

function splitEntity(entity: string): { headers: Map<string, string[]>; body: string } {
  const end = entity.startsWith("\n") ? 0 : entity.indexOf("\n\n");
  const head = end < 0 ? entity : entity.slice(0, end);
  const body = end < 0 ? "" : entity.slice(end + (end === 0 ? 1 : 2));
  const headers = new Map<string, string[]>();
  // Headers may carry raw UTF-8 (RFC 6532): decode the header block as UTF-8, not per byte.
  const unfolded = Buffer.from(head, "latin1")
    .toString("utf8")
    .replace(/\n(?=[ \t])/g, "");
  for (const line of unfolded.split("\n")) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(colon + 1).trim()]);
  }
  return { headers, body };
}

function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let current: string[] | null = null;
  for (const line of body.split("\n")) {
    const trimmed = line.replace(/[ \t]+$/, "");
    if (trimmed === delimiter || trimmed === `${delimiter}--`) {
      if (current) parts.push(current.join("\n"));
      if (trimmed !== delimiter) return parts;
      current = [];
      continue;
    }
    current?.push(line);
  }
  if (current) parts.push(current.join("\n"));
  return parts;
}

function decodeTransfer(body: string, encoding: string): Buffer {
  switch (encoding.trim().toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ""), "base64");
    case "quoted-printable":
      return Buffer.from(
        body
          .replace(/[ \t]+$/gm, "")
          .replace(/=\n/g, "")
          .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
        "latin1",
      );
    default:
      return Buffer.from(body, "latin1");
  }
}

export function decodeCharset(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset.trim().toLowerCase()).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

const ENCODED_WORD = /=\?([^?\s]+)\?([BbQq])\?([^?\s]*)\?=/g;

/** RFC 2047: adjacent encoded words are joined byte-wise, since a character may straddle two of them. */
export function decodeWords(value: string): string {
  const joined = value.replace(/(\?=)\s+(?==\?)/g, "$1");
  return joined.replace(/(?:=\?[^?\s]+\?[BbQq]\?[^?\s]*\?=)+/g, (run) => {
    let text = "";
    let pending: { charset: string; bytes: number[] } | null = null;
    for (const [, rawCharset = "utf-8", enc = "B", data = ""] of run.matchAll(ENCODED_WORD)) {
      const charset = rawCharset.split("*")[0] ?? "utf-8";
      const bytes = enc.toUpperCase() === "B" ? [...Buffer.from(data, "base64")] : qBytes(data);
      if (pending && pending.charset.toLowerCase() !== charset.toLowerCase()) {
        text += decodeCharset(Uint8Array.from(pending.bytes), pending.charset);
        pending = null;
      }
      pending = pending ? { charset, bytes: [...pending.bytes, ...bytes] } : { charset, bytes };
    }
    if (pending) text += decodeCharset(Uint8Array.from(pending.bytes), pending.charset);
    return text;
  });
}

function qBytes(data: string): number[] {
  const latin = data.replace(/_/g, " ").replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return [...Buffer.from(latin, "latin1")];
}

/** `type/sub; a=1; b="x;y"; name*0*=utf-8''%C3%A9; name*1*=t` → value and decoded parameters (RFC 2231). */
export function parseParams(header: string): { value: string; params: Record<string, string> } {
  const [value = "", ...rest] = splitOutsideQuotes(header, ";");
  const pieces = new Map<string, { index: number; encoded: boolean; text: string }[]>();
  for (const item of rest) {
    const eq = item.indexOf("=");
    if (eq < 0) continue;
    const key = item.slice(0, eq).trim().toLowerCase();
    let text = item.slice(eq + 1).trim();
    if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) text = text.slice(1, -1).replace(/\\(.)/g, "$1");
    const m = key.match(/^([^*]+)(?:\*(\d+))?(\*)?$/);
    if (!m?.[1]) continue;
    const list = pieces.get(m[1]) ?? [];
    list.push({ index: Number(m[2] ?? 0), encoded: m[3] === "*", text });
    pieces.set(m[1], list);
  }
  const params: Record<string, string> = {};
  for (const [name, list] of pieces) {
    list.sort((a, b) => a.index - b.index);
    if (!list.some((p) => p.encoded)) {
      params[name] = decodeWords(list.map((p) => p.text).join(""));
      continue;
    }
    let charset = "utf-8";
    const bytes: number[] = [];
    list.forEach((p, i) => {
      let text = p.text;
      if (i === 0 && p.encoded) {
        const [cs, , rest = ""] = text.split("'");
        charset = cs || "utf-8";
        text = rest;
      }
      const latin = p.encoded
        ? text.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
        : text;
      bytes.push(...Buffer.from(latin, "latin1"));
    });
    params[name] = decodeCharset(Uint8Array.from(bytes), charset);
  }
  return { value: value.trim(), params };
}

function splitOutsideQuotes(s: string, separator: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === "\\" && quoted && i + 1 < s.length) {
      current += c + s[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === separator && !quoted) {
      out.push(current);
      current = "";
    } else current += c;
  }
  out.push(current);
  return out;
}

function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>|<\/p>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .trim();
}
