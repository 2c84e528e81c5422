import { eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { type AuditEventInput, appendAuditEvents } from "../audit";
import { type FollowupAggregate, loadFollowup } from "./load-followup";
import { type FollowupState, STATE_LABELS } from "./rules/workflow";
import { followupSteps, followups } from "./schema";

export interface Actor {
  orgId: string;
  userId: string | null;
}

export interface StepInput {
  kind: string;
  fromState?: FollowupState | null;
  toState?: FollowupState | null;
  overrideReason?: string | null;
  /** Who / what / before-after: the journal is the evidence of the call (spec 002 §5.3). */
  data: Record<string, unknown>;
}

export type FollowupPatch = Partial<typeof followups.$inferInsert>;

export interface Mutation<T> {
  patch?: FollowupPatch;
  steps?: StepInput[];
  audit?: Omit<AuditEventInput, "actor">[];
  result: T;
}

export interface MutationOptions {
  now: Date;
  /** Optimistic concurrency: refused when the follow-up changed since the screen loaded it. */
  expectedVersion?: number;
  /** States in which this recording is allowed; elsewhere the block is locked. */
  openIn?: readonly FollowupState[];
  /** What is being recorded, for the locked message: « La validation des contrats ». */
  what?: string;
}

export function stepLocked(what: string, state: FollowupState, openIn: readonly FollowupState[]): AppError {
  const opens = openIn[0] ? ` : elle s'ouvre à l'étape « ${STATE_LABELS[openIn[0]]} »` : "";
  return new AppError("transition_refused", {
    message: `${what} n'est pas possible à l'étape « ${STATE_LABELS[state]} »${opens}.`,
    details: { code: "step_locked", missing: [], missingLabels: [], state, openIn },
  });
}

/**
 * The one write path of a follow-up: lock the row, check the version and the step, apply the
 * change, bump the version and journal each step with its author, all in one transaction. Every
 * recording and transition goes through it, so none can skip the journal or the concurrency check.
 */
export async function mutateFollowup<T>(
  db: DbOrTx,
  actor: Actor,
  id: string,
  opts: MutationOptions,
  change: (tx: Tx, agg: FollowupAggregate) => Promise<Mutation<T>>,
): Promise<{ version: number; state: FollowupState; result: T }> {
  return db.transaction(async (tx) => {
    const agg = await loadFollowup(tx, actor.orgId, id, { forUpdate: true });
    const { followup } = agg;
    if (opts.expectedVersion !== undefined && followup.version !== opts.expectedVersion) {
      throw new AppError("conflict", {
        message: "Ce suivi vient d'être modifié (par un collègue ou dans un autre onglet) : rechargez-le avant de continuer.",
        details: { code: "stale_version", currentVersion: followup.version, expectedVersion: opts.expectedVersion },
      });
    }
    if (opts.openIn && !opts.openIn.includes(followup.state))
      throw stepLocked(opts.what ?? "Cet enregistrement", followup.state, opts.openIn);

    const m = await change(tx, agg);
    const [updated] = await tx
      .update(followups)
      .set({ ...m.patch, version: sql`${followups.version} + 1`, updatedAt: opts.now })
      .where(eq(followups.id, id))
      .returning({ version: followups.version, state: followups.state });
    if (m.steps?.length) {
      await tx.insert(followupSteps).values(
        m.steps.map((s) => ({
          followupId: id,
          at: opts.now,
          userId: actor.userId,
          kind: s.kind,
          fromState: s.fromState ?? null,
          toState: s.toState ?? null,
          overrideReason: s.overrideReason ?? null,
          data: s.data,
        })),
      );
    }
    if (m.audit?.length)
      await appendAuditEvents(
        tx,
        m.audit.map((e) => ({ ...e, actor, occurredAt: opts.now })),
      );
    return { version: updated?.version ?? followup.version + 1, state: updated?.state ?? followup.state, result: m.result };
  });
}
