import { isLuhnValid } from "../../src/lib/luhn";
import type { SignupBody } from "../../src/modules/brokers/api";
import { frenchVatNumber } from "../../src/modules/reference-data";

let seq = 0;

/** A SIREN with a valid Luhn key, different at each call (8 digits from the counter and randomness, then the key). */
export function validSiren(): string {
  const body = `${(++seq % 100).toString().padStart(2, "0")}${Math.floor(Math.random() * 1e6)
    .toString()
    .padStart(6, "0")}`;
  for (let key = 0; key <= 9; key++) {
    const s = `${body}${key}`;
    if (isLuhnValid(s) && !/^0+$/.test(s)) return s;
  }
  throw new Error("unreachable");
}

export const randomOrias = () => `${Math.floor(10_000_000 + Math.random() * 89_999_999)}`;

/** A valid "Créer un compte courtier" body; every call a new SIREN, ORIAS number and e-mail. */
export function signupBody(overrides: Partial<SignupBody> = {}): SignupBody {
  const siren = overrides.siren ?? validSiren();
  return {
    companyName: "Courtage Méditerranée SAS",
    siren,
    addressLine: "5 quai du Port",
    postalCode: "13002",
    city: "Marseille",
    vatNumber: frenchVatNumber(siren),
    oriasNumber: randomOrias(),
    oriasCategories: ["COA"],
    email: `admin-${siren.replace(/\s+/g, "")}-${Math.random().toString(36).slice(2, 6)}@courtage.test`,
    firstName: "Nadia",
    lastName: "Ferhat",
    password: "un-mot-de-passe-solide",
    ...overrides,
  };
}
