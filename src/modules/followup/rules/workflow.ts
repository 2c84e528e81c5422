import {
  type FollowupGuardContext,
  type GuardCode,
  type GuardFailure,
  guardCallbackDate,
  guardClosing,
  guardContracts,
  guardProfile,
  guardRebound,
} from "./guards";

export type { FollowupGuardContext, GuardCode, GuardFailure } from "./guards";
export { guardCallbackDate, guardClosing, guardContracts, guardProfile, guardRebound } from "./guards";

/**
 * The M+3 state machine: the single transition table the server enforces and the UI renders.
 *
 * INVARIANT (spec 002 §3 "administratif puis rebond", §8): `commercial_rebound` is entered only
 * from `admin_contract_validation`, which is entered only from `admin_profile_update`, which is
 * entered only from `contact_attempt`. Every path to the commercial part therefore crosses both
 * admin steps of the same call. Overrides only lift guards of transitions already in the table,
 * so they cannot break it; `workflowInvariantViolations()` checks the table itself.
 */

export const FOLLOWUP_STATES = [
  "preparation",
  "contact_attempt",
  "scheduled_callback",
  "admin_profile_update",
  "admin_contract_validation",
  "commercial_rebound",
  "action_plan",
  "closed",
] as const;
export type FollowupState = (typeof FOLLOWUP_STATES)[number];

export const STATE_LABELS: Record<FollowupState, string> = {
  preparation: "Préparation du dossier",
  contact_attempt: "Prise de contact",
  scheduled_callback: "Rappel programmé",
  admin_profile_update: "Mise à jour de la fiche client",
  admin_contract_validation: "Validation des contrats",
  commercial_rebound: "Rebond commercial",
  action_plan: "Plan d'actions",
  closed: "Clôturé",
};

export type GuardId = "callback_date" | "profile" | "contracts" | "rebound" | "closing";

export interface TransitionDefinition {
  readonly from: FollowupState;
  readonly event: string;
  readonly to: FollowupState;
  readonly label: string;
  readonly guard?: GuardId;
}

export const TRANSITIONS = [
  { from: "preparation", event: "start_call", to: "contact_attempt", label: "Lancer l'appel" },
  {
    from: "contact_attempt",
    event: "client_unavailable",
    to: "scheduled_callback",
    label: "Rappeler plus tard",
    guard: "callback_date",
  },
  { from: "contact_attempt", event: "client_available", to: "admin_profile_update", label: "Client disponible" },
  { from: "scheduled_callback", event: "callback_due", to: "contact_attempt", label: "Rappeler le client" },
  {
    from: "admin_profile_update",
    event: "profile_done",
    to: "admin_contract_validation",
    label: "Fiche client validée",
    guard: "profile",
  },
  {
    from: "admin_contract_validation",
    event: "contracts_done",
    to: "commercial_rebound",
    label: "Contrats validés",
    guard: "contracts",
  },
  { from: "commercial_rebound", event: "rebound_done", to: "action_plan", label: "Bilan terminé", guard: "rebound" },
  { from: "action_plan", event: "close", to: "closed", label: "Clôturer le suivi", guard: "closing" },
] as const satisfies readonly TransitionDefinition[];

export type FollowupEvent = (typeof TRANSITIONS)[number]["event"];
export const FOLLOWUP_EVENTS: readonly FollowupEvent[] = TRANSITIONS.map((t) => t.event);
export const EVENT_LABELS = Object.fromEntries(TRANSITIONS.map((t) => [t.event, t.label])) as Record<FollowupEvent, string>;

export type TransitionErrorCode = "transition_not_allowed" | GuardCode | "override_not_permitted" | "override_reason_required";

const GUARDS: Record<GuardId, (ctx: FollowupGuardContext) => GuardFailure[]> = {
  callback_date: guardCallbackDate,
  profile: guardProfile,
  contracts: guardContracts,
  rebound: guardRebound,
  closing: guardClosing,
};

export function findTransition(state: string, event: string): TransitionDefinition | undefined {
  return (TRANSITIONS as readonly TransitionDefinition[]).find((t) => t.from === state && t.event === event);
}

export function transitionsFrom(state: FollowupState): readonly TransitionDefinition[] {
  return (TRANSITIONS as readonly TransitionDefinition[]).filter((t) => t.from === state);
}

export function guardFailures(transition: TransitionDefinition, ctx: FollowupGuardContext): GuardFailure[] {
  return transition.guard ? GUARDS[transition.guard](ctx) : [];
}

/** The only role allowed to force a guarded transition. */
export const OVERRIDE_ROLE = "broker_admin";

export function canOverride(role: string | null | undefined): boolean {
  return role === OVERRIDE_ROLE;
}

export interface OverrideRequest {
  role: string;
  reason: string;
}

export type TransitionResult =
  | { ok: true; to: FollowupState; overridden?: { codes: GuardCode[]; reason: string } }
  | { ok: false; code: TransitionErrorCode; message: string; missing: string[]; missingLabels: string[] };

/**
 * Whether `event` may fire from `state`. An override (manager + reason) lifts the guards of a
 * transition that exists; it never invents a transition, so the invariant above holds.
 * The result carries the lifted codes so the server can journal the override.
 */
export function canTransition(
  state: FollowupState,
  event: FollowupEvent,
  ctx: FollowupGuardContext,
  override?: OverrideRequest,
): TransitionResult {
  const transition = findTransition(state, event);
  if (!transition) {
    const stateLabel = STATE_LABELS[state] ?? state;
    const eventLabel = EVENT_LABELS[event] ?? event;
    return {
      ok: false,
      code: "transition_not_allowed",
      message: `Action « ${eventLabel} » impossible à l'étape « ${stateLabel} ».`,
      missing: [],
      missingLabels: [],
    };
  }
  const failures = guardFailures(transition, ctx);
  const [first] = failures;
  if (!first) return { ok: true, to: transition.to };
  if (!override) return { ok: false, code: first.code, message: first.message, missing: first.missing, missingLabels: first.missingLabels };

  const locked = failures.find((f) => !f.overridable);
  if (locked) {
    const message = `${locked.message} Ce contrôle ne peut pas être forcé.`;
    return { ok: false, code: locked.code, message, missing: locked.missing, missingLabels: locked.missingLabels };
  }
  if (!canOverride(override.role)) {
    return {
      ok: false,
      code: "override_not_permitted",
      message: "Seul un responsable d'agence peut forcer le passage à l'étape suivante.",
      missing: failures.flatMap((f) => f.missing),
      missingLabels: failures.flatMap((f) => f.missingLabels),
    };
  }
  const reason = override.reason.trim();
  if (!reason) {
    return {
      ok: false,
      code: "override_reason_required",
      message: "Le motif du forçage est obligatoire.",
      missing: ["reason"],
      missingLabels: ["Motif du forçage"],
    };
  }
  return { ok: true, to: transition.to, overridden: { codes: failures.map((f) => f.code), reason } };
}

export interface AvailableEvent {
  event: FollowupEvent;
  to: FollowupState;
  label: string;
  enabled: boolean;
  /** First blocking reason, for the button tooltip. */
  code?: GuardCode;
  disabledReason?: string;
  missing?: string[];
  missingLabels?: string[];
  /** Whether a manager could force it (only meaningful when disabled). */
  overridable: boolean;
}

/** The buttons of the current step, disabled with their French reason when a guard fails. */
export function availableEvents(state: FollowupState, ctx: FollowupGuardContext): AvailableEvent[] {
  return transitionsFrom(state).map((t) => {
    const failures = guardFailures(t, ctx);
    const base = { event: t.event as FollowupEvent, to: t.to, label: t.label };
    const [first] = failures;
    if (!first) return { ...base, enabled: true, overridable: false };
    return {
      ...base,
      enabled: false,
      code: first.code,
      disabledReason: failures.map((f) => f.message).join(" "),
      missing: failures.flatMap((f) => f.missing),
      missingLabels: failures.flatMap((f) => f.missingLabels),
      overridable: failures.every((f) => f.overridable),
    };
  });
}

/** Checks the structural invariant on a table; empty when it holds. Exported for tests and boot checks. */
export function workflowInvariantViolations(table: readonly TransitionDefinition[] = TRANSITIONS): string[] {
  const onlyFrom: [FollowupState, FollowupState][] = [
    ["commercial_rebound", "admin_contract_validation"],
    ["admin_contract_validation", "admin_profile_update"],
    ["admin_profile_update", "contact_attempt"],
  ];
  return onlyFrom.flatMap(([target, allowed]) =>
    table
      .filter((t) => t.to === target && t.from !== allowed)
      .map((t) => `${t.from} -> ${target} (${t.event}) : « ${target} » n'est atteignable que depuis « ${allowed} »`),
  );
}
