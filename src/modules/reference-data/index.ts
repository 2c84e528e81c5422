export { ipVersion, isPublicIp } from "./ip";
export { findNaf, isConstructionTrade, type NafCode, searchNaf } from "./naf";
export {
  type CommuneOption,
  checkPostalCode,
  communesForPostalCode,
  departementFromPostalCode,
  installPostalCodeIndex,
  type PostalCodeCheck,
  postalCodeIndex,
  preloadPostalCodes,
} from "./postal-codes";
export { referenceDataRoutes } from "./routes";
export { normalizeCityName } from "./rules/city-name";
export { isValidEmail, normalizeEmail } from "./rules/email";
export { type FrenchPhoneResult, type FrenchTerritory, normalizeFrenchPhone } from "./rules/phone";
export { isValidSiren, isValidSiret, normalizeSiren, normalizeSiret, sirenFromSiret } from "./siren";
export { checkFrenchVatNumber, frenchVatKey, frenchVatNumber, normalizeVatNumber, type VatCheck, vatNumberProblem } from "./vat-number";
