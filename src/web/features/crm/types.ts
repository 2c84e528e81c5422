import type { z } from "zod";
import type { Wire } from "../../../lib/wire";
import type {
  AgencyView,
  ClientDetailView,
  ClientList,
  CrmImportView,
  clientListQuerySchema,
  ImportPreview as ImportPreviewAnswer,
  TeamMemberView,
} from "../../../modules/crm/api";

/** The CRM API's answers as the browser receives them, derived from the shared schemas (modules/crm/api.ts). */

export type ClientPage = Wire<ClientList>;
export type ClientSummary = ClientPage["items"][number];
export type ClientDetail = Wire<ClientDetailView>;
export type Client = ClientDetail["client"];
export type Contract = ClientDetail["contracts"][number];
export type Agency = Wire<AgencyView>;
export type TeamMember = Wire<TeamMemberView>;
export type CrmImport = Wire<CrmImportView>;
export type ImportPreview = Wire<ImportPreviewAnswer>;

/** The clients list's filters as the page keeps them in its address (strings, as in the query string). */
export type ClientFilters = { [K in Exclude<keyof z.input<typeof clientListQuerySchema>, "pageSize">]?: string };
