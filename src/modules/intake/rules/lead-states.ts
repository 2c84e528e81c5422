/** The states and channels of a lead and of a CSV import, shared by the tables, the API schemas and the screens. */
export const LEAD_STATUSES = ["accepted", "rejected"] as const;
/** form: the supplier's manual form in the app; hosted_form: the platform's public form (/f/…), whose consent evidence the server recorded itself. */
export const LEAD_CHANNELS = ["api", "csv", "form", "hosted_form"] as const;
export type LeadChannel = (typeof LEAD_CHANNELS)[number];

export const IMPORT_STATUSES = ["pending", "running", "done", "failed", "interrupted"] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
