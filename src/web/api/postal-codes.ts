import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { PostalCheck } from "../../modules/intake/rules/check-contact";
import type { PostalCodeAnswer } from "../../modules/reference-data/api";
import { checkPostalCodeWith, normalizePostalCode } from "../../modules/reference-data/rules/communes";
import { api } from "./client";

/** GET /api/v1/reference/postal-codes/:code — a code no commune has answers postalCode null, no communes. */
export type { PostalCodeAnswer };

const postalCodeQuery = (code: string) => ({
  queryKey: ["reference", "postal-code", code] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api<PostalCodeAnswer>(`/api/v1/reference/postal-codes/${encodeURIComponent(code)}`, { signal }),
  staleTime: Number.POSITIVE_INFINITY,
});

/** Five digits typed: "1300" on its way to "13001" is not asked for. */
function completeCode(raw: string): string | null {
  const digits = raw.replace(/\s+/g, "");
  return /^\d{5}$/.test(digits) ? digits : null;
}

/** The communes of the postal code being typed, once it has its five digits. */
export function usePostalCode(raw: string) {
  const code = completeCode(raw);
  return useQuery({ ...postalCodeQuery(code ?? ""), enabled: code !== null });
}

/** Names to offer for the city: "Marseille" for its arrondissements, which the check accepts as well. */
export function communeChoices(answer: PostalCodeAnswer | undefined): string[] {
  return [...new Set((answer?.communes ?? []).map((c) => c.name.replace(/\s+\d+(er|e)\s+Arrondissement$/i, "")))];
}

/**
 * The server's postal code rule, run in the browser on the entry fetched for this code (or none when the
 * code cannot be one): the form says what the server would say, without the 36k communes.
 */
export async function browserPostalCheck(client: QueryClient, raw: string): Promise<PostalCheck> {
  const code = normalizePostalCode(raw);
  const answer = code ? await client.fetchQuery(postalCodeQuery(code)) : null;
  const lookup = (pc: string) => (answer?.postalCode === pc ? { postalCode: pc, communes: answer.communes } : null);
  return (postalCode, city) => checkPostalCodeWith(lookup, postalCode, city);
}
