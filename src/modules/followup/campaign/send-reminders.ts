import { inArray, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/client";
import { rawRows } from "../../../platform/db/raw-rows";
import { formatFrenchDate, parisInstant, parisToday } from "../../catalogue/rules/dates";
import { type Notifier, sendMail } from "../../notifications";
import { ACTION_KIND_LABELS, type ActionKind } from "../rules/model";
import { followupActions } from "../schema";
import { clientNameSql } from "../sql-format";

interface DueAction {
  id: string;
  orgId: string;
  ownerId: string;
  ownerEmail: string;
  ownerFirstName: string;
  kind: ActionKind;
  dueDate: string;
  note: string | null;
  clientName: string;
}

export interface ReminderResult {
  day: string;
  owners: number;
  actions: number;
  failedOwners: number;
}

function reminderText(actions: DueAction[], today: string, appUrl: string | null): { subject: string; text: string } {
  const overdue = actions.filter((a) => a.dueDate < today);
  const line = (a: DueAction) =>
    `- ${formatFrenchDate(a.dueDate)} · ${ACTION_KIND_LABELS[a.kind] ?? a.kind} · ${a.clientName}${a.note ? ` — ${a.note}` : ""}`;
  const n = actions.length;
  const subject = `Suivi M+3 : ${n} action${n > 1 ? "s" : ""} à traiter${overdue.length > 0 ? ` (dont ${overdue.length} en retard)` : ""}`;
  const text = [
    `Bonjour ${actions[0]?.ownerFirstName ?? ""},`,
    "",
    ...(overdue.length > 0 ? ["En retard :", ...overdue.map(line), ""] : []),
    ...(n > overdue.length ? ["À faire aujourd'hui :", ...actions.filter((a) => a.dueDate >= today).map(line), ""] : []),
    appUrl
      ? `Retrouvez-les dans « Mes actions » : ${appUrl}/courtier/mes-actions`
      : "Retrouvez-les dans « Mes actions » de votre espace courtier.",
  ].join("\n");
  return { subject, text };
}

/**
 * Mails each owner the open actions due today or overdue, one mail per owner, each action at most
 * once per Paris day (`reminded_at`). The actions are claimed in one statement (SKIP LOCKED, so two
 * runners never mail twice) and committed before anything is sent; an owner whose mail fails gets
 * his actions back for the next run.
 */
export async function sendActionReminders(
  deps: { db: Db; notifier?: Notifier },
  opts: { now: Date; orgId?: string; appUrl?: string | null },
): Promise<ReminderResult> {
  const { db } = deps;
  const today = parisToday(opts.now);
  const dayStart = parisInstant(today);
  const orgFilter = opts.orgId ? sql`and org_id = ${opts.orgId}` : sql``;
  const claimed = await rawRows<DueAction>(
    db,
    sql`
    with due as (
      select id from followup_actions
       where status = 'open' and due_date <= ${today}::date and (reminded_at is null or reminded_at < ${dayStart}) ${orgFilter}
       for update skip locked
    ),
    marked as (
      update followup_actions x set reminded_at = ${opts.now} from due where x.id = due.id
      returning x.id, x.org_id, x.owner_id, x.client_id, x.kind, x.due_date, x.note
    )
    select m.id::text as id, m.org_id::text as "orgId", m.owner_id::text as "ownerId", u.email as "ownerEmail",
           u.first_name as "ownerFirstName", m.kind, to_char(m.due_date, 'YYYY-MM-DD') as "dueDate", m.note,
           ${clientNameSql("c")} as "clientName"
      from marked m join users u on u.id = m.owner_id join clients c on c.id = m.client_id
     order by m.due_date`,
  );

  const byOwner = new Map<string, DueAction[]>();
  for (const a of claimed) byOwner.set(a.ownerId, [...(byOwner.get(a.ownerId) ?? []), a]);
  let failedOwners = 0;
  for (const actions of byOwner.values()) {
    const first = actions[0] as DueAction;
    try {
      await sendMail(deps, {
        to: first.ownerEmail,
        ...reminderText(actions, today, opts.appUrl ?? null),
        orgId: first.orgId,
        tag: "followup.m3.reminder",
      });
    } catch {
      failedOwners++;
      await db
        .update(followupActions)
        .set({ remindedAt: null })
        .where(
          inArray(
            followupActions.id,
            actions.map((a) => a.id),
          ),
        );
    }
  }
  return { day: today, owners: byOwner.size - failedOwners, actions: claimed.length, failedOwners };
}
