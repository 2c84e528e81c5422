/** Where a bought lead opens in the broker space (the leads sheet of issue 12 §1). */
export const leadPath = (leadId: string) => `/courtier/leads/${leadId}`;

export const leadLink = (appUrl: string | null, leadId: string) => `${appUrl ? appUrl.replace(/\/$/, "") : ""}${leadPath(leadId)}`;
