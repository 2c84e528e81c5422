import { type NumberType, type PhoneNumber, parsePhoneNumberFromString } from "libphonenumber-js/max";

/** ISO 3166 codes libphonenumber uses for France and the overseas territories sharing its numbering plan. */
export type FrenchTerritory = "FR" | "GP" | "BL" | "MF" | "MQ" | "GF" | "RE" | "YT" | "PM";

export type FrenchPhoneResult = { ok: true; e164: string; territory: FrenchTerritory } | { ok: false };

const TERRITORIES: ReadonlySet<string> = new Set<FrenchTerritory>(["FR", "GP", "BL", "MF", "MQ", "GF", "RE", "YT", "PM"]);

// A lead's phone must reach the person: service numbers (08xx premium, shared cost, toll free, UAN) never do.
const REACHABLE_TYPES: ReadonlySet<NumberType> = new Set<NumberType>(["MOBILE", "FIXED_LINE", "FIXED_LINE_OR_MOBILE", "VOIP"]);

/*
 * The French plan is integrated: "0690 12 34 56" is dialled as 0690… in France but is +590 690… in E.164.
 * Parsed with FR as default country, libphonenumber yields +33 690…, which is undialable (and FR metadata even
 * claims 0269/0596 ranges as mainland). So the digits after the trunk 0 pick the calling code explicitly.
 * The 09 overseas VoIP blocks share their prefixes with mainland VoIP, hence the trailing "33".
 */
const DOM_09 = ["590", "596", "262", "594", "33"] as const;
const CALLING_CODES_BY_PREFIX: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["262", ["262"]],
  ["263", ["262"]],
  ["269", ["262"]],
  ["639", ["262"]],
  ["692", ["262"]],
  ["693", ["262"]],
  ["590", ["590"]],
  ["690", ["590"]],
  ["691", ["590"]],
  ["594", ["594"]],
  ["694", ["594"]],
  ["596", ["596"]],
  ["696", ["596"]],
  ["697", ["596"]],
  ["709", ["590", "596", "262", "594"]],
  ["939", DOM_09],
  ["947", DOM_09],
  ["976", DOM_09],
]);

// Without this, libphonenumber would extract a number out of free text ("appelez le 06…") or accept letters.
const PHONE_CHARACTERS = /^\+?[\d\s().\-/]{6,30}$/;

const REJECTED: FrenchPhoneResult = Object.freeze({ ok: false });

/**
 * Validates a phone number of mainland France or an overseas territory and returns it in E.164.
 * Saint-Pierre-et-Miquelon has no 10-digit national form: it is only accepted as +508 / 00508.
 */
export function normalizeFrenchPhone(raw: string): FrenchPhoneResult {
  if (typeof raw !== "string" || !PHONE_CHARACTERS.test(raw)) return REJECTED;
  const parsed = parsePhoneNumberFromString(raw, "FR");
  if (!parsed || parsed.ext) return REJECTED;
  if (parsed.countryCallingCode !== "33") return accept(parsed);

  const nsn = parsed.nationalNumber;
  const callingCodes = CALLING_CODES_BY_PREFIX.get(nsn.slice(0, 3));
  if (!callingCodes) return accept(parsed);
  for (const callingCode of callingCodes) {
    const result = accept(callingCode === "33" ? parsed : parsePhoneNumberFromString(`+${callingCode}${nsn}`));
    if (result.ok) return result;
  }
  return REJECTED;
}

function accept(phone: PhoneNumber | undefined): FrenchPhoneResult {
  if (!phone?.country || !TERRITORIES.has(phone.country)) return REJECTED;
  // With the "max" metadata a number is valid exactly when it has a type, and isValid() would work the
  // type out once more: the type alone decides (half the pattern matching, for every lead).
  const type = phone.getType();
  if (!type || !REACHABLE_TYPES.has(type)) return REJECTED;
  return { ok: true, e164: phone.number, territory: phone.country as FrenchTerritory };
}
