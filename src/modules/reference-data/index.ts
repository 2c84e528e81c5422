export { normalizeCityName } from "./city-name";
export { isValidEmail, normalizeEmail } from "./email";
export { ipVersion, isPublicIp } from "./ip";
export { findNaf, isConstructionTrade, type NafCode, searchNaf } from "./naf";
export { type FrenchPhoneResult, type FrenchTerritory, normalizeFrenchPhone } from "./phone";
export {
  type CommuneOption,
  checkPostalCode,
  communesForPostalCode,
  departementFromPostalCode,
  type PostalCodeCheck,
  preloadPostalCodes,
} from "./postal-codes";
export { isValidSiren, isValidSiret, normalizeSiren, normalizeSiret, sirenFromSiret } from "./siren";
