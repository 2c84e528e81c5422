import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { rawRows } from "../../../platform/db/raw-rows";
import { cohortWindow, monthStart } from "./months";

export interface CampaignResult {
  month: string;
  /** First days of the months whose first contracts are followed up: [from, to). */
  cohortFrom: string;
  cohortTo: string;
  created: number;
}

/**
 * Creates the M+3 follow-ups of one organisation for one campaign month, in one statement: every
 * client whose first contract of ours started in M-3 and who has no follow-up yet. Re-running it
 * (the monthly job, a manager's "Lancer la campagne", two processes at once) creates nothing twice:
 * the NOT EXISTS skips what is there, and the unique index on client_id settles concurrent inserts.
 *
 * Assignment: the client's account manager, else the first member of the client's agency. The
 * creation is journaled in followup_steps by the same statement.
 */
export async function runCampaign(db: DbOrTx, input: { orgId: string; month: string }): Promise<CampaignResult> {
  const { from, to } = cohortWindow(input.month);
  const cohortMonth = monthStart(input.month);
  const result = await rawRows<{ created: number }>(
    db,
    sql`
    with firsts as (
      select c.client_id, min(c.start_date) as first_start
        from contracts c
       where c.org_id = ${input.orgId} and c.is_ours and c.start_date >= ${from}::date and c.start_date < ${to}::date
       group by c.client_id
    ),
    cohort as (
      select f.client_id, f.first_start, (select count(*) from contracts n where n.client_id = f.client_id and n.is_ours) as ours
        from firsts f
       where not exists (
               select 1 from contracts e
                where e.client_id = f.client_id and e.is_ours and e.start_date < ${from}::date)
         and not exists (select 1 from followups x where x.client_id = f.client_id)
    ),
    inserted as (
      insert into followups (org_id, client_id, agency_id, assigned_to, cohort_month, first_contract_start, contracts_at_start, contracts_now)
      select cl.org_id, cl.id, cl.agency_id,
             coalesce(cl.account_manager_id, (
               select m.user_id from agency_members m join users u on u.id = m.user_id
                where m.agency_id = cl.agency_id
                order by u.created_at, u.id limit 1)),
             ${cohortMonth}::date, co.first_start, co.ours, co.ours
        from cohort co join clients cl on cl.id = co.client_id and cl.org_id = ${input.orgId}
      on conflict (client_id) do nothing
      returning id, cohort_month
    ),
    journal as (
      insert into followup_steps (followup_id, kind, to_state, data)
      select id, 'created', 'preparation', jsonb_build_object('cohortMonth', cohort_month::text, 'by', 'campaign')
        from inserted
    )
    select count(*)::int as created from inserted`,
  );
  return { month: input.month, cohortFrom: from, cohortTo: to, created: result[0]?.created ?? 0 };
}

/** The broker organisations that have clients: the monthly job runs the campaign for each of them. */
export async function organisationsWithClients(db: DbOrTx): Promise<string[]> {
  const result = await rawRows<{ id: string }>(
    db,
    sql`select o.id::text as id from organisations o where o.kind = 'courtier' and exists (select 1 from clients c where c.org_id = o.id)`,
  );
  return result.map((r) => r.id);
}
