/** Where a bought lead opens in the broker space (the leads sheet of issue 12 §1). */
export const leadPath = (leadId: string) => `/courtier/leads/${leadId}`;

/** The broker's leads sheet, where every bought lead is listed. */
export const LEADS_SHEET_PATH = "/courtier/leads";

/** A path of the app as a link: absolute with PUBLIC_URL, relative without it. */
export const appLink = (appUrl: string | null, path: string) => `${appUrl ? appUrl.replace(/\/$/, "") : ""}${path}`;

export const leadLink = (appUrl: string | null, leadId: string) => appLink(appUrl, leadPath(leadId));
