import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { rawRows } from "../../../platform/db/raw-rows";
import { AppError, validationError } from "../../../platform/errors";
import { updateClient } from "../../crm";
import type { TnsResolution } from "../../crm/rules/tns";
import { tnsStateOf } from "../guard-context";
import type { FollowupAggregate } from "../load-followup";
import { recordingOpenIn } from "../rules/call-screen";
import type { ChecklistReview } from "../schema";
import { type Actor, mutateFollowup } from "../write-followup";

export interface ManagerOption {
  id: string;
  name: string;
  agencyId: string;
  agencyName: string;
  handlesProfessionals: boolean;
}

/**
 * The account managers who handle pro / TNS clients, those of the client's agency first: the
 * screen proposes the first one, the agent confirms or picks another (spec 002 §4.3).
 */
export async function proManagerOptions(db: DbOrTx, orgId: string, agencyId: string | null | undefined): Promise<ManagerOption[]> {
  const result = await rawRows<ManagerOption>(
    db,
    sql`
    select u.id::text as id, u.first_name || ' ' || u.last_name as name, a.id::text as "agencyId", a.name as "agencyName",
           m.handles_professionals as "handlesProfessionals"
      from agency_members m
      join users u on u.id = m.user_id
      join agencies a on a.id = m.agency_id
     where a.org_id = ${orgId} and m.handles_professionals
     order by (a.id is not distinct from ${agencyId ?? null}::uuid) desc, u.created_at, u.id`,
  );
  return result;
}

/**
 * What the call screen shows about the TNS check: the detection and its reason, whether it still has
 * to be resolved before the rebound, how it was resolved, and the account manager proposed for pros.
 */
export function tnsProposal(agg: FollowupAggregate, options: ManagerOption[]) {
  const { detection, resolution } = tnsStateOf(agg);
  const current = agg.client.accountManagerId ?? null;
  return {
    detection,
    required: detection !== null && resolution === null,
    resolution,
    currentManagerId: current,
    proposedManagerId: detection ? (options[0]?.id ?? null) : null,
    currentHandlesProfessionals: options.some((o) => o.id === current),
    options,
  };
}

const TNS_OPEN_IN = recordingOpenIn("tns");

/**
 * The agent confirms the switch to "client pro / TNS" and the account manager (proposed, or chosen):
 * the CRM record changes (type, TNS flag, manager), the change is journaled with its before/after, and
 * the manager item of the checklist counts as reviewed since the agent has just decided it.
 */
export async function requalifyTns(db: DbOrTx, actor: Actor, id: string, input: { accountManagerId: string }, now: Date) {
  return mutateFollowup(db, actor, id, { now, openIn: TNS_OPEN_IN, what: "Le passage en client pro / TNS" }, async (tx, agg) => {
    if (agg.client.type === "entreprise" || (agg.client.type === "professionnel" && agg.client.isTns)) {
      throw new AppError("conflict", { message: "Ce client est déjà enregistré comme entreprise, ou comme professionnel TNS." });
    }
    const before = { type: agg.client.type, isTns: agg.client.isTns, accountManagerId: agg.client.accountManagerId ?? null };
    const { changes } = await updateClient(
      tx,
      actor,
      agg.client.id,
      {
        type: "professionnel",
        isTns: true,
        accountManagerId: input.accountManagerId,
      },
      now,
    );
    const resolution: TnsResolution = { decision: "requalified", by: actor.userId ?? "", at: now.toISOString() };
    const review: ChecklistReview = {
      status: before.accountManagerId === input.accountManagerId ? "confirmed" : "modified",
      by: actor.userId ?? "",
      at: now.toISOString(),
      ...(before.accountManagerId === input.accountManagerId ? {} : { before: before.accountManagerId, after: input.accountManagerId }),
    };
    return {
      // The pro checklist now applies: the record is no longer "fully qualified" until its new items are reviewed.
      patch: {
        checklistReviews: { ...agg.followup.checklistReviews, account_manager: review },
        recordQualified: false,
        tnsResolution: resolution,
      },
      steps: [
        {
          kind: "tns_requalification",
          data: { before, after: { type: "professionnel", isTns: true, accountManagerId: input.accountManagerId }, changes },
        },
      ],
      result: null,
    };
  });
}

/**
 * The detection set aside: the agent checked with the client that he is not a TNS (a salaried mason
 * whose NAF code is his employer's, a SAS president…). The reason is kept with the follow-up and in
 * its journal; the call goes on with the record as it is.
 */
export async function dismissTns(db: DbOrTx, actor: Actor, id: string, input: { reason: string }, now: Date) {
  return mutateFollowup(db, actor, id, { now, openIn: TNS_OPEN_IN, what: "La vérification du statut TNS" }, async (_tx, agg) => {
    const { detection, resolution } = tnsStateOf(agg);
    if (!detection) throw new AppError("conflict", { message: "Aucun statut TNS détecté sur la fiche de ce client : rien à écarter." });
    if (resolution) throw new AppError("conflict", { message: "Le statut TNS de ce client a déjà été tranché pendant ce suivi." });
    const reason = input.reason.trim();
    if (!reason) throw validationError([{ field: "reason", message: "Champ obligatoire : motif pour écarter le statut TNS" }]);
    const after: TnsResolution = { decision: "dismissed", reason, by: actor.userId ?? "", at: now.toISOString() };
    return {
      patch: { tnsResolution: after },
      steps: [{ kind: "tns_dismissed", data: { detection, reason } }],
      result: null,
    };
  });
}
