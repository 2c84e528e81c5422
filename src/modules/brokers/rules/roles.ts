/** The roles of a brokerage's users; a broker admin invites either. */
export const BROKER_ROLES = ["broker_admin", "broker_agent"] as const;
export type BrokerRole = (typeof BROKER_ROLES)[number];
export const BROKER_ROLE_LABELS: Record<BrokerRole, string> = {
  broker_admin: "Administrateur du cabinet",
  broker_agent: "Chargé(e) de clientèle",
};
