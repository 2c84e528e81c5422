import type { Role } from "./session";

/** The three areas of the product; a user only ever sees the one of his role. */
export type SpaceKey = "supplier" | "broker" | "admin";

export interface Space {
  key: SpaceKey;
  base: string;
  label: string;
  roles: readonly Role[];
  /** Where a user of this space lands after logging in. */
  home: string;
}

export const SPACES: Record<SpaceKey, Space> = {
  supplier: { key: "supplier", base: "/apporteur", label: "Espace apporteur", roles: ["supplier"], home: "/apporteur" },
  broker: { key: "broker", base: "/courtier", label: "Espace courtier", roles: ["broker_admin", "broker_agent"], home: "/courtier" },
  admin: { key: "admin", base: "/admin", label: "Administration", roles: ["platform_admin"], home: "/admin/consentements" },
};

export function spaceOf(role: Role): Space {
  return Object.values(SPACES).find((s) => s.roles.includes(role)) ?? SPACES.supplier;
}

export const ROLE_LABELS: Record<Role, string> = {
  platform_admin: "Administrateur plateforme",
  broker_admin: "Courtier — administrateur",
  broker_agent: "Courtier — chargé(e) de clientèle",
  supplier: "Apporteur",
};
