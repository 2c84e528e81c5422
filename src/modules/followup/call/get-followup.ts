import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/client";
import { rawRows } from "../../../platform/db/raw-rows";
import type { Role } from "../../accounts/schema";
import { checklistFor, isRecordFullyQualified, preparationChecklist } from "../../crm/rules/checklist";
import { proposedMissingItems } from "../../crm/rules/contract-compliance";
import { productLineLabel } from "../../crm/rules/product-lines";
import { effectiveClientType, guardContextOf, reviewStatuses } from "../guard-context";
import { clientDisplayName, loadFollowup } from "../load-followup";
import { blockOf } from "../rules/call-screen";
import { closingCriteriaMissing } from "../rules/closing";
import { profileFactsFromClient, topGaps } from "../rules/gap-engine";
import { linesHeldElsewhere } from "../rules/model";
import { availableEvents, canOverride, type FollowupState, STATE_LABELS } from "../rules/workflow";
import { followupSteps } from "../schema";
import { callScriptFor } from "./call-script";
import { proManagerOptions, tnsProposal } from "./requalify-tns";

interface Member {
  id: string;
  name: string;
  firstName: string;
  agencyId: string | null;
  handlesProfessionals: boolean;
}

async function teamOf(db: Db, orgId: string) {
  const members = await rawRows<Member>(
    db,
    sql`
    select u.id::text as id, u.first_name || ' ' || u.last_name as name, u.first_name as "firstName",
           m.agency_id::text as "agencyId", coalesce(m.handles_professionals, false) as "handlesProfessionals"
      from users u left join agency_members m on m.user_id = u.id
     where u.org_id = ${orgId} and u.role in ('broker_admin', 'broker_agent')
     order by u.last_name, u.first_name`,
  );
  const agencies = await rawRows<{ id: string; name: string; brand: string | null }>(
    db,
    sql`select id::text as id, name, brand from agencies where org_id = ${orgId} order by name`,
  );
  return { members: members, agencies: agencies };
}

/**
 * Everything the call screen shows, in one answer: the client and contracts, where the call stands
 * and what can be done next (with the reason when not), the prepared checklist, the script filled in
 * for this client, the gap suggestions with their "why", what has been recorded, and the history.
 */
export async function getFollowup(db: Db, viewer: { orgId: string; userId: string | null; role: Role }, id: string, now: Date) {
  const agg = await loadFollowup(db, viewer.orgId, id);
  const { followup, client, contracts } = agg;
  const team = await teamOf(db, viewer.orgId);
  const nameOf = (userId: string | null | undefined) => (userId ? (team.members.find((m) => m.id === userId)?.name ?? null) : null);
  const agency = team.agencies.find((a) => a.id === (client.agencyId ?? followup.agencyId)) ?? null;
  const ours = contracts.filter((c) => c.isOurs);
  const first = ours.find((c) => c.startDate === followup.firstContractStart) ?? ours[0];
  const seller = team.members.find((m) => m.id === first?.sellerId) ?? null;
  const agent = team.members.find((m) => m.id === viewer.userId);

  const linesElsewhere = [...contracts.filter((c) => !c.isOurs).map((c) => c.productLine), ...linesHeldElsewhere(followup.rebound)];
  const effective = effectiveClientType(agg);
  // Suggestions use the status the call works with: a detected TNS gets the TNS needs until set aside.
  const facts = profileFactsFromClient(client, { now, isTns: effective.isTns, linesHere: ours.map((c) => c.productLine), linesElsewhere });
  const gaps = topGaps(facts);
  const ctx = guardContextOf(agg, now);
  const statuses = reviewStatuses(agg);
  const tns = tnsProposal(agg, await proManagerOptions(db, viewer.orgId, client.agencyId));
  const steps = await db.select().from(followupSteps).where(eq(followupSteps.followupId, id)).orderBy(asc(followupSteps.id));

  return {
    id: followup.id,
    state: followup.state,
    stateLabel: STATE_LABELS[followup.state],
    block: blockOf(followup.state),
    version: followup.version,
    cohortMonth: followup.cohortMonth,
    firstContractStart: followup.firstContractStart,
    contractsAtStart: followup.contractsAtStart,
    assignedTo: followup.assignedTo ? { id: followup.assignedTo, name: nameOf(followup.assignedTo) } : null,
    callbackAt: followup.callbackAt,
    reachedAt: followup.reachedAt,
    closedAt: followup.closedAt,
    canOverride: canOverride(viewer.role),
    availableEvents: availableEvents(followup.state, ctx),
    client: {
      ...client,
      displayName: clientDisplayName(client),
      agencyName: agency?.name ?? null,
      accountManagerName: nameOf(client.accountManagerId),
    },
    contracts: contracts.map((c) => ({
      ...c,
      productLabel: productLineLabel(c.productLine),
      sellerName: nameOf(c.sellerId),
      proposedMissingItems: c.isOurs ? proposedMissingItems(c) : [],
    })),
    preparation: preparationChecklist(client, contracts, tns.resolution ? null : tns.detection),
    checklist: checklistFor(effective.type, effective.isTns).map((item) => ({
      ...item,
      value: client[item.clientPath] ?? null,
      review: followup.checklistReviews[item.key] ?? null,
    })),
    recordFullyQualified: isRecordFullyQualified(effective.type, effective.isTns, statuses),
    tns,
    script: callScriptFor(agg, {
      agent: { id: viewer.userId, firstName: agent?.firstName ?? "" },
      seller: seller ? { id: seller.id, firstName: seller.firstName } : null,
      agencyName: agency?.name ?? null,
      brand: agency?.brand ?? null,
      gaps,
      now,
    }),
    gaps,
    recorded: {
      contractValidations: followup.contractValidations,
      rebound: followup.rebound,
      noActionReason: followup.noActionReason,
      actions: agg.actions.map((a) => ({ ...a, ownerName: nameOf(a.ownerId) })),
      closing: followup.closing ?? {},
      closingMissing: closingCriteriaMissing(followup.closing),
    },
    team,
    history: steps.map((s) => ({
      ...s,
      fromState: s.fromState as FollowupState | null,
      toState: s.toState as FollowupState | null,
      data: s.data as Record<string, unknown>,
      userName: nameOf(s.userId),
    })),
  };
}

export type FollowupView = Awaited<ReturnType<typeof getFollowup>>;
