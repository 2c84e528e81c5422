import { sql } from "drizzle-orm";
import { addMonths, addToIsoDate, parisInstant, parisMonth, parisToday } from "../modules/catalogue/rules/dates";
import { checklistFor } from "../modules/crm/rules/checklist";
import { proposedMissingItems } from "../modules/crm/rules/contract-compliance";
import type { ProductLine } from "../modules/crm/rules/product-lines";
import { transitionFollowup } from "../modules/followup/call/transition-followup";
import { runCampaign } from "../modules/followup/campaign/run-campaign";
import { loadFollowup } from "../modules/followup/load-followup";
import { recordActionPlan } from "../modules/followup/record/record-action-plan";
import { recordChecklistReviews } from "../modules/followup/record/record-checklist-review";
import { recordClosingCriteria } from "../modules/followup/record/record-closing";
import { recordContractValidation } from "../modules/followup/record/record-contract-validation";
import { recordRebound } from "../modules/followup/record/record-rebound";
import type { FollowupEvent } from "../modules/followup/rules/workflow";
import type { Tx } from "../platform/db/client";
import { rawRows } from "../platform/db/raw-rows";

const DAY = 86_400_000;

interface Candidate {
  id: string;
  assignedTo: string;
  cohortMonth: string;
}

/**
 * The M+3 part of the demo: the campaigns of this month and the two before on the demo CRM, then a few
 * follow-ups moved along with the real use-cases (so the journal, actions and measures are genuine):
 * closed calls with their action plans in the oldest cohort, one halfway, one waiting for its
 * callback; everything else stays in preparation for the agents to call.
 */
export async function seedDemoFollowups(tx: Tx, opts: { courtierOrgId: string; now: Date }) {
  const { courtierOrgId: orgId, now } = opts;
  const month = parisMonth(now);
  const created: Record<string, number> = {};
  for (const m of [addMonths(month, -2), addMonths(month, -1), month]) created[m] = (await runCampaign(tx, { orgId, month: m })).created;

  // Simple, complete particulier records: the scripted calls below need no TNS check (no independent's
  // status, no business number) or missing agency.
  const candidates = await rawRows<Candidate>(
    tx,
    sql`
    select f.id::text as id, f.assigned_to::text as "assignedTo", to_char(f.cohort_month, 'YYYY-MM') as "cohortMonth"
      from followups f join clients c on c.id = f.client_id
     where f.org_id = ${orgId} and f.state = 'preparation' and f.assigned_to is not null
       and c.type = 'particulier' and not c.is_tns and c.agency_id is not null and c.account_manager_id is not null
       and coalesce(c.professional_status, '') not in ('tns_independant', 'artisan_commercant', 'profession_liberale',
                                                       'exploitant_agricole', 'chef_entreprise')
       and c.naf_code is null and c.siret is null
     order by f.cohort_month, c.last_name, c.first_name`,
  );
  const oldest = candidates.filter((c) => c.cohortMonth === addMonths(month, -2));
  const middle = candidates.filter((c) => c.cohortMonth === addMonths(month, -1));

  const moved = { closed: 0, halfway: 0, callback: 0 };
  for (const [i, c] of oldest.slice(0, 3).entries()) {
    await closeCall(tx, orgId, c, { at: new Date(now.getTime() - (20 - i * 4) * DAY), today: parisToday(now), variant: i });
    moved.closed++;
  }
  const halfway = middle[0];
  if (halfway) {
    await adminSteps(tx, orgId, halfway, new Date(now.getTime() - 2 * DAY));
    moved.halfway++;
  }
  const callback = middle[1];
  if (callback) {
    const actor = { orgId, userId: callback.assignedTo, role: "broker_agent" as const };
    const at = new Date(now.getTime() - 3_600_000);
    await fire(tx, actor, callback.id, "start_call", at);
    const callbackAt = parisInstant(addToIsoDate(parisToday(now), 0, 1), 10).toISOString();
    await fire(tx, actor, callback.id, "client_unavailable", at, { callbackAt, contact: { name: "Le client", channel: "mobile" } });
    moved.callback++;
  }
  return { created, moved };
}

async function fire(
  tx: Tx,
  actor: { orgId: string; userId: string; role: "broker_agent" },
  id: string,
  event: FollowupEvent,
  now: Date,
  extra = {},
) {
  const { followup } = await loadFollowup(tx, actor.orgId, id);
  await transitionFollowup(tx, actor, id, { event, expectedVersion: followup.version, ...extra }, now);
}

/** Contact, profile confirmed item by item, contracts validated (missing pieces with their recovery mode). */
async function adminSteps(tx: Tx, orgId: string, c: Candidate, now: Date) {
  const actor = { orgId, userId: c.assignedTo, role: "broker_agent" as const };
  await fire(tx, actor, c.id, "start_call", now);
  await fire(tx, actor, c.id, "client_available", now, { contact: { channel: "mobile" } });
  const agg = await loadFollowup(tx, orgId, c.id);
  const reviews = checklistFor(agg.client.type, agg.client.isTns).map((item) => ({
    key: item.key,
    status: item.mandatory || agg.client[item.clientPath] != null ? ("confirmed" as const) : ("not_provided" as const),
  }));
  await recordChecklistReviews(tx, actor, c.id, reviews, now);
  await fire(tx, actor, c.id, "profile_done", now);
  for (const contract of agg.contracts.filter((k) => k.isOurs)) {
    const missing = proposedMissingItems(contract).map((m) => ({ ...m, recoveryMode: "email" as const }));
    const validation =
      missing.length === 0
        ? { contractId: contract.id, status: "signed" as const }
        : { contractId: contract.id, status: "missing_document" as const, missingItems: missing };
    await recordContractValidation(tx, actor, c.id, validation, now);
  }
  await fire(tx, actor, c.id, "contracts_done", now);
  return { actor, agg, qualified: reviews.every((r) => r.status === "confirmed") };
}

const GAPS: ProductLine[] = ["protection_juridique", "gav", "prevoyance", "per"];

/** A call from start to close, some days ago; its actions are due around today (one already late). */
async function closeCall(tx: Tx, orgId: string, c: Candidate, opts: { at: Date; today: string; variant: number }) {
  const { at: now, today, variant } = opts;
  const { actor, agg, qualified } = await adminSteps(tx, orgId, c, now);
  const held = new Set(agg.contracts.map((k) => k.productLine));
  const retained = GAPS.filter((g) => !held.has(g)).slice(0, 2);
  await recordRebound(
    tx,
    actor,
    c.id,
    { lines: [{ productLine: "habitation", answer: "elsewhere", insurerName: "MAIF" }], retainedGaps: retained },
    now,
  );
  await fire(tx, actor, c.id, "rebound_done", now);
  const actions =
    variant === 2
      ? []
      : [
          {
            kind: "quote" as const,
            productLine: retained[0] ?? null,
            dueDate: addToIsoDate(today, 0, variant === 0 ? -2 : 3),
            ownerId: c.assignedTo,
            note: "Devis à présenter au client",
          },
          { kind: "appointment" as const, dueDate: addToIsoDate(today, 0, 7), ownerId: c.assignedTo, note: "Bilan global en agence" },
        ];
  await recordActionPlan(
    tx,
    actor,
    c.id,
    { actions, noActionReason: variant === 2 ? "Client déjà équipé ailleurs, à revoir à l'échéance" : null },
    now,
  );
  await recordClosingCriteria(
    tx,
    actor,
    c.id,
    {
      dedicatedContactKnown: true,
      contactCardSent: true,
      contactCardChannel: "sms",
      // "Oui" only when every point of the record was confirmed: the server refuses it otherwise.
      recordFullyQualified: qualified && variant !== 1,
      riskZonesAware: true,
    },
    now,
  );
  await fire(tx, actor, c.id, "close", now);
}
