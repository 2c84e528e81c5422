export { type FrenchPhoneResult, type FrenchTerritory, normalizeFrenchPhone } from "./phone";
export { isValidEmail, normalizeEmail } from "./email";
export {
  type CommuneOption,
  type PostalCodeCheck,
  checkPostalCode,
  communesForPostalCode,
  departementFromPostalCode,
  preloadPostalCodes,
} from "./postal-codes";
export { normalizeCityName } from "./city-name";
export { isValidSiren, isValidSiret, normalizeSiren, normalizeSiret, sirenFromSiret } from "./siren";
export { type NafCode, findNaf, isConstructionTrade, searchNaf } from "./naf";
export { ipVersion, isPublicIp } from "./ip";
