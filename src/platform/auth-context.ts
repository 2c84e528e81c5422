export const ORG_KINDS = ["platform", "courtier", "apporteur"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ROLES = ["platform_admin", "broker_admin", "broker_agent", "supplier"] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, resolved once per request from the session cookie or the API key. */
export interface AuthContext {
  userId: string | null;
  orgId: string;
  orgKind: OrgKind;
  orgName: string;
  role: Role;
  apiKeyId: string | null;
  via: "session" | "api_key";
  csrfToken: string | null;
}

export const actorOf = (auth: AuthContext) => ({ orgId: auth.orgId, userId: auth.userId, apiKeyId: auth.apiKeyId });
