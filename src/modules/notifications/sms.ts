import { AppError } from "../../platform/errors";

/**
 * The one contract an SMS adapter fulfils. The capture adapter (sms-capture.ts) is the default; a real
 * provider is one more file exporting a `SmsProvider`, selected in createNotifier.
 */
export interface SmsMessage {
  /** E.164, e.g. +33612345678. */
  to: string;
  text: string;
  orgId: string | null;
  /** What sent it, e.g. "followup.m3.contact-card": for the outbox and the provider's reports. */
  tag: string;
}

export interface SmsProvider {
  readonly name: string;
  /** True when messages are stored for the outbox instead of being delivered. */
  readonly captures: boolean;
  send(message: SmsMessage): Promise<{ id: string }>;
}

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsSegmentation {
  encoding: SmsEncoding;
  /** Septets (GSM-7, extension characters count twice) or UTF-16 code units (UCS-2). */
  units: number;
  segments: number;
  /** Capacity of one segment for this message: 160/153 septets, 70/67 code units. */
  perSegment: number;
  /** Units still free in the last segment. */
  remaining: number;
  /** The characters that forced UCS-2, so the author can replace them (ç → c, ê → e…). */
  nonGsmCharacters: string[];
}

// GSM 03.38 default alphabet (without ESC) and the extension table reached through ESC (two septets each).
const GSM_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM_EXTENSION = new Set("\f^{}\\[~]|€");

/** Beyond this an SMS costs too much and some operators drop the concatenation. */
export const MAX_SMS_SEGMENTS = 6;

export function smsSegments(text: string): SmsSegmentation {
  const chars = [...text];
  const nonGsm = [...new Set(chars.filter((c) => !GSM_BASIC.has(c) && !GSM_EXTENSION.has(c)))];
  if (nonGsm.length === 0) {
    const widths = chars.map((c) => (GSM_EXTENSION.has(c) ? 2 : 1));
    return pack("GSM-7", widths, 160, 153, []);
  }
  // A surrogate pair (emoji…) takes two code units and cannot be split across segments.
  return pack(
    "UCS-2",
    chars.map((c) => c.length),
    70,
    67,
    nonGsm,
  );
}

/** Concatenated SMS spend part of each segment on the UDH, and an escape or surrogate pair never straddles two. */
function pack(encoding: SmsEncoding, widths: number[], single: number, multi: number, nonGsmCharacters: string[]): SmsSegmentation {
  const units = widths.reduce((a, b) => a + b, 0);
  if (units <= single)
    return { encoding, units, segments: units === 0 ? 0 : 1, perSegment: single, remaining: single - units, nonGsmCharacters };
  let segments = 1;
  let used = 0;
  for (const w of widths) {
    if (used + w > multi) {
      segments++;
      used = 0;
    }
    used += w;
  }
  return { encoding, units, segments, perSegment: multi, remaining: multi - used, nonGsmCharacters };
}

const E164 = /^\+[1-9]\d{7,14}$/;

/** Refuses what no provider would deliver; returns the segmentation for the caller to show or store. */
export function validateSms(message: Pick<SmsMessage, "to" | "text">): SmsSegmentation {
  if (!E164.test(message.to)) {
    throw new AppError("validation_error", {
      field: "to",
      message: "Numéro de téléphone invalide : format international attendu (+33612345678)",
    });
  }
  if (message.text.trim() === "") throw new AppError("validation_error", { field: "text", message: "Le SMS est vide" });
  const seg = smsSegments(message.text);
  if (seg.segments > MAX_SMS_SEGMENTS) {
    const hint = seg.encoding === "UCS-2" ? ` (caractères hors alphabet GSM : ${seg.nonGsmCharacters.join(" ")})` : "";
    throw new AppError("validation_error", {
      field: "text",
      message: `SMS trop long : ${seg.segments} segments ${seg.encoding}, ${MAX_SMS_SEGMENTS} au maximum${hint}`,
      details: seg,
    });
  }
  return seg;
}
