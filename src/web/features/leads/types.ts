import type { z } from "zod";
import type { Wire } from "../../../lib/wire";
import type { LeadDetailView, LeadList, leadFiltersSchema, reasonSchema } from "../../../modules/intake/api";

/** The leads API's answers as the browser receives them, derived from the shared schemas (modules/intake/api.ts). */

export type Reason = z.infer<typeof reasonSchema>;
export type LeadPage = Wire<LeadList>;
export type LeadSummary = LeadPage["items"][number];
export type LeadDetail = Wire<LeadDetailView>;
export type ConsentProof = NonNullable<LeadDetail["proof"]>;
export type LeadIntegrity = LeadDetail["integrity"];

/** Query filters shared by the list, the export and the dashboard statistics (GET /api/v1/leads…), as the address keeps them. */
export type LeadFilters = { [K in keyof z.input<typeof leadFiltersSchema>]?: string };

// Spelled here so that the browser does not load zod for a list of names; the check below keeps it complete.
export const FILTER_KEYS = [
  "status",
  "product",
  "channel",
  "importId",
  "from",
  "to",
  "q",
] as const satisfies readonly (keyof LeadFilters)[];
type MissingFilterKey = Exclude<keyof LeadFilters, (typeof FILTER_KEYS)[number]>;
const _allFilterKeys: MissingFilterKey extends never ? true : never = true;
void _allFilterKeys;
