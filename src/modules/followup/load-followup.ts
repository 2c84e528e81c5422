import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { notFound } from "../../platform/errors";
import { type LoadedClient, type LoadedContract, loadClientRecord } from "../crm";
import { clientSalutation } from "./rules/script";
import { followupActions, followups } from "./schema";

export type FollowupRow = typeof followups.$inferSelect;
export type ActionRow = typeof followupActions.$inferSelect;

export interface FollowupAggregate {
  followup: FollowupRow;
  client: LoadedClient;
  contracts: LoadedContract[];
  actions: ActionRow[];
}

/**
 * A follow-up of the organisation with its client, contracts and actions: what the guards, the call
 * screen and every recording work on. Another organisation's id is "introuvable", like an unknown one.
 * `forUpdate` locks the row for the caller's transaction, so two writes on one follow-up queue up.
 */
export async function loadFollowup(db: DbOrTx, orgId: string, id: string, opts: { forUpdate?: boolean } = {}): Promise<FollowupAggregate> {
  // A malformed id would make PostgreSQL throw a cast error: it is simply not one of ours.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw notFound("Suivi M+3");
  const query = db
    .select()
    .from(followups)
    .where(and(eq(followups.id, id), eq(followups.orgId, orgId)));
  const [followup] = opts.forUpdate ? await query.for("update") : await query;
  if (!followup) throw notFound("Suivi M+3");
  const record = await loadClientRecord(db, orgId, followup.clientId);
  if (!record) throw notFound("Client");
  const actions = await db
    .select()
    .from(followupActions)
    .where(eq(followupActions.followupId, id))
    .orderBy(asc(followupActions.dueDate), asc(followupActions.createdAt));
  return { followup, client: record.client, contracts: record.contracts, actions };
}

/**
 * The opening of a mail to the client, as French correspondence writes it: "Bonjour Madame Pélissier," from
 * the civility on the record; without one, "Bonjour Audrey Pélissier," rather than a guessed Madame or
 * Monsieur; a company without a named contact, "Bonjour,".
 */
export function mailGreeting(client: FollowupAggregate["client"]): string {
  if (!client.lastName?.trim()) return "Bonjour,";
  return `Bonjour ${clientSalutation({ civility: client.civility, firstName: client.firstName ?? "", lastName: client.lastName })},`;
}

/**
 * The client as the agent names him on the phone and in mails ("Paul Durand", or the company), not the
 * CRM list's "DURAND Paul".
 */
export function clientDisplayName(client: FollowupAggregate["client"]): string {
  const person = [client.firstName, client.lastName].filter(Boolean).join(" ");
  return client.type === "entreprise" && client.companyName ? client.companyName : person || client.companyName || "Client";
}
