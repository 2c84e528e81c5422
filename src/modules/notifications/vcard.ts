import { AppError } from "../../platform/errors";
import type { MailAttachment } from "./mailer";

export type VCardVersion = "4.0" | "3.0";

export interface VCardAddress {
  street?: string;
  postalCode?: string;
  locality?: string;
  region?: string;
  country?: string;
}

export interface VCardInput {
  firstName: string;
  lastName: string;
  organisation: string;
  title?: string;
  /** Office line; E.164 (+33…) becomes a tel: URI in 4.0, anything else is kept as text. */
  phone?: string;
  mobile?: string;
  email?: string;
  address?: VCardAddress;
  url?: string;
  note?: string;
  /** 4.0 (RFC 6350) by default; 3.0 (RFC 2426) for older iPhone and Outlook versions. */
  version?: VCardVersion;
}

const CRLF = "\r\n";
const MAX_LINE_OCTETS = 75;

/** A contact card as text: CRLF line endings, escaped values, lines folded at 75 octets, UTF-8. */
export function buildVCard(input: VCardInput): string {
  const version = input.version ?? "4.0";
  const v4 = version === "4.0";
  const firstName = input.firstName.trim();
  const lastName = input.lastName.trim();
  const fullName = `${firstName} ${lastName}`.trim();
  if (!fullName)
    throw new AppError("validation_error", { field: "lastName", message: "Nom ou prénom obligatoire pour la carte de visite" });
  const type = (...values: string[]) => `TYPE=${values.map((t) => (v4 ? t.toLowerCase() : t.toUpperCase())).join(",")}`;

  const lines = ["BEGIN:VCARD", `VERSION:${version}`, "PRODID:-//LeadsAssurance//Carte de visite//FR"];
  if (v4) lines.push("KIND:individual");
  lines.push(`FN:${escapeVCardText(fullName)}`);
  // N is mandatory in 3.0 and what address books sort on: family;given;additional;prefixes;suffixes.
  lines.push(`N:${[lastName, firstName, "", "", ""].map(escapeVCardText).join(";")}`);
  if (input.organisation.trim()) lines.push(`ORG:${escapeVCardText(input.organisation.trim())}`);
  if (input.title?.trim()) lines.push(`TITLE:${escapeVCardText(input.title.trim())}`);
  if (input.phone?.trim()) lines.push(telLine(input.phone, type("work", "voice"), v4));
  if (input.mobile?.trim()) lines.push(telLine(input.mobile, type("cell", "voice"), v4));
  if (input.email?.trim()) lines.push(`EMAIL;${v4 ? type("work") : type("internet", "work")}:${escapeVCardText(input.email.trim())}`);
  if (input.address && Object.values(input.address).some((p) => p?.trim())) {
    const a = input.address;
    // Post office box and extended address are deprecated (RFC 6350 §6.3.1) but keep their slots.
    const parts = ["", "", a.street, a.locality, a.region, a.postalCode, a.country].map((p) => escapeVCardText(p?.trim() ?? ""));
    lines.push(`ADR;${type("work")}:${parts.join(";")}`);
  }
  // A URI is not text: escaping its commas would change it.
  if (input.url?.trim()) lines.push(`URL:${input.url.trim().replace(/[\r\n]+/g, "")}`);
  if (input.note?.trim()) lines.push(`NOTE:${escapeVCardText(input.note.trim())}`);
  lines.push("END:VCARD");
  return lines.map(foldVCardLine).join(CRLF) + CRLF;
}

function telLine(raw: string, typeParam: string, v4: boolean): string {
  const compact = raw.trim().replace(/[\s.\-()]/g, "");
  const e164 = /^\+[1-9]\d{5,14}$/.test(compact);
  if (v4 && e164) return `TEL;VALUE=uri;${typeParam}:tel:${compact}`;
  return `TEL;${typeParam}:${escapeVCardText(e164 ? compact : raw.trim())}`;
}

/** RFC 6350 §3.4: backslash, comma and semicolon are escaped, line breaks become \n. */
export function escapeVCardText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/,/g, "\\,")
    .replace(/;/g, "\\;")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/**
 * RFC 6350 §3.2: lines longer than 75 octets continue on lines starting with one space. Cuts fall between
 * code points, so a multi-byte UTF-8 character is never split; nor is an escape sequence, for lenient readers.
 */
export function foldVCardLine(line: string): string {
  if (Buffer.byteLength(line, "utf8") <= MAX_LINE_OCTETS) return line;
  const chunks: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const [token] of line.matchAll(/\\.|[\s\S]/gu)) {
    const size = Buffer.byteLength(token, "utf8");
    if (octets + size > limit) {
      chunks.push(current);
      current = "";
      octets = 0;
      // The leading space of a continuation line counts towards its 75 octets.
      limit = MAX_LINE_OCTETS - 1;
    }
    current += token;
    octets += size;
  }
  chunks.push(current);
  return chunks.join(`${CRLF} `);
}

/** "Éloïse Martin-Durand" → "Eloise-Martin-Durand.vcf": ASCII, so every mail client and OS keeps it intact. */
export function vcardFilename(input: Pick<VCardInput, "firstName" | "lastName"> & { organisation?: string }): string {
  const ascii = (s: string) =>
    s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
  const base = ascii(`${input.firstName} ${input.lastName}`) || ascii(input.organisation ?? "") || "contact";
  return `${base.slice(0, 60).replace(/-+$/, "")}.vcf`;
}

/** Ready for `sendMail({ attachments: [vcardAttachment(card)] })`. */
export function vcardAttachment(input: VCardInput): MailAttachment {
  const v3 = input.version === "3.0";
  return {
    filename: vcardFilename(input),
    content: buildVCard(input),
    // Older clients, the reason to send 3.0 at all, only know the pre-registration type.
    contentType: v3 ? "text/x-vcard; charset=utf-8" : "text/vcard; charset=utf-8",
  };
}
