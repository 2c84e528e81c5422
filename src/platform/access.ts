import type { Role } from "./auth-context";

/**
 * Every route states who may call it. A route without this declaration does not start (see auth.ts),
 * and a test walks the route table to prove it.
 */
export type RouteAccess =
  | { public: true; why: string }
  | {
      public?: false;
      roles: readonly Role[];
      /** organisation: data filtered to the caller's organisation; platform: operator-wide. */
      scope: "organisation" | "platform";
      /** Also accept `Authorization: Bearer <supplier API key>`. */
      apiKey?: boolean;
    };

export const access = {
  public: (why: string): RouteAccess => ({ public: true, why }),
  org: (roles: readonly Role[], opts: { apiKey?: boolean } = {}): RouteAccess => ({ roles, scope: "organisation", ...opts }),
  platform: (): RouteAccess => ({ roles: ["platform_admin"], scope: "platform" }),
};

export const SUPPLIER: readonly Role[] = ["supplier"];
export const BROKER: readonly Role[] = ["broker_admin", "broker_agent"];
export const BROKER_ADMIN: readonly Role[] = ["broker_admin"];
export const ANY_USER: readonly Role[] = ["platform_admin", "broker_admin", "broker_agent", "supplier"];
