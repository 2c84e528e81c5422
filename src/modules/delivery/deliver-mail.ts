import { sql } from "drizzle-orm";
import { formatEurosFr } from "../../lib/french-format";
import type { Db } from "../../platform/db/client";
import { preparedRows } from "../../platform/db/prepared-rows";
import { productBySlug } from "../catalogue/rules";
import type { JobRequest } from "../jobs";
import type { DeliveryDeps } from "./deliver-sale";
import { appLink, LEADS_SHEET_PATH, leadLink } from "./rules/links";
import { saleTitle } from "./rules/sale-title";

export const SALE_MAIL_JOB = "delivery.mail";

const MAIL_EVERY_MS = 60_000;
// A mail lists this many leads at most; the rest are one line away, in the broker space.
const LISTED = 50;

/**
 * The mail jobs a brokerage's new notices call for: one for the current minute, due now, and one for the
 * next, due when it starts. A job lists every lead not mailed yet, so a brokerage gets at most one e-mail a
 * minute whatever the rate of its sales (a routing round every quarter of a second during a burst made as
 * many e-mails), each lead is in an e-mail within a minute, and the first lead after a quiet spell at once.
 * The keys make the pair idempotent: the sales of one minute queue it once.
 */
export function saleMailJobs(orgId: string, now: Date): JobRequest[] {
  const minute = Math.floor(now.getTime() / MAIL_EVERY_MS);
  return [minute, minute + 1].map((m) => ({
    kind: SALE_MAIL_JOB,
    dedupeKey: `${orgId}@${m}`,
    payload: { orgId },
    runAt: m === minute ? now : new Date(m * MAIL_EVERY_MS),
  }));
}

interface UnmailedLead {
  notice_id: string;
  lead_id: string;
  channel: "exclusive" | "marketplace" | null;
  price_cents: number | null;
  product: string | null;
  lead_type: "lead" | "rdv" | null;
  departement: string | null;
}

/** A lead as its e-mail line shows it: no contact data (that is in the app). */
interface MailedLead {
  productLabel: string;
  type: "lead" | "rdv";
  channel: "exclusive" | "marketplace";
  departement: string | null;
  priceCents: number;
  link: string;
}

/**
 * Sends a brokerage's administrators one e-mail with the leads it got since its last one, then marks them
 * mailed. Sent before it is marked: a failing mail server makes the job retry with the same leads, and a
 * crash in between sends them twice rather than never.
 */
export async function mailNewLeads(db: Db, deps: DeliveryDeps, orgId: string, now: Date): Promise<{ listed: number; mailed: number }> {
  const rows = await preparedRows<UnmailedLead>(
    db,
    "delivery.unmailed-leads",
    sql`
      select n.id as notice_id, n.lead_id, s.channel, s.price_cents, l.product, l.type as lead_type, l.departement
      from broker_notifications n
      left join lead_sales s on s.id = n.sale_id
      left join leads l on l.id = n.lead_id
      where n.org_id = ${orgId}::uuid and n.mailed_at is null
      order by n.created_at, n.id
      limit 1000`,
  );
  if (rows.length === 0) return { listed: 0, mailed: 0 };
  const [admins] = await preparedRows<{ emails: string[] }>(
    db,
    "delivery.brokerage-admins",
    sql`select array(select email from users where org_id = ${orgId}::uuid and role = 'broker_admin' order by created_at limit 5) as emails`,
  );
  const emails = admins?.emails ?? [];
  // An erased lead keeps its notice but has nothing left to tell.
  const known = rows.filter((r) => r.product !== null && r.channel !== null);
  const exclusive = known.filter((r) => r.channel === "exclusive").map((r) => mailedLead(r, deps.appUrl));
  const bought = known.filter((r) => r.channel === "marketplace").map((r) => mailedLead(r, deps.appUrl));
  if (emails.length > 0 && known.length > 0) await deps.notifier.sendMail({ to: emails, orgId, ...mailOf(exclusive, bought, deps.appUrl) });
  await preparedRows(
    db,
    "delivery.mark-mailed",
    sql`update broker_notifications set mailed_at = ${now.toISOString()}::timestamptz
        where id = any(${sql.param(rows.map((r) => r.notice_id))}::uuid[])`,
  );
  return { listed: known.length, mailed: known.length > 0 ? emails.length : 0 };
}

function mailedLead(r: UnmailedLead, appUrl: string | null): MailedLead {
  const product = r.product as string;
  return {
    productLabel: productBySlug(product)?.label ?? product,
    type: r.lead_type === "rdv" ? "rdv" : "lead",
    channel: r.channel === "exclusive" ? "exclusive" : "marketplace",
    departement: r.departement,
    priceCents: r.price_cents ?? 0,
    link: leadLink(appUrl, r.lead_id),
  };
}

/** The e-mail: the leads the orders received in exclusivity, then the marketplace purchases. */
function mailOf(exclusive: MailedLead[], bought: MailedLead[], appUrl: string | null) {
  const all = [...exclusive, ...bought];
  const listed = new Set(all.slice(0, LISTED));
  const only = all.length === 1 ? all[0] : undefined;
  const lines = (leads: MailedLead[]) =>
    leads.filter((l) => listed.has(l)).flatMap((l) => [line(l), ...(only ? [] : [`  Voir : ${l.link}`])]);
  const exclusiveIntro =
    exclusive.length === 1
      ? `Vos commandes viennent de recevoir un ${whatOf(exclusive).singular} en exclusivité :`
      : `Vos commandes viennent de recevoir ${exclusive.length} ${whatOf(exclusive).plural} en exclusivité :`;
  const boughtIntro =
    bought.length === 1 ? "Votre achat en salle de marché est confirmé :" : "Vos achats en salle de marché sont confirmés :";
  const more = all.length - listed.size;
  return {
    subject: subjectOf(exclusive, bought),
    tag: bought.length === 0 ? "market.exclusive-received" : exclusive.length === 0 ? "market.purchase-received" : "market.leads-received",
    text: [
      "Bonjour,",
      "",
      ...(exclusive.length > 0 ? [exclusiveIntro, ...lines(exclusive)] : []),
      ...(exclusive.length > 0 && bought.length > 0 ? [""] : []),
      ...(bought.length > 0 ? [boughtIntro, ...lines(bought)] : []),
      ...(more > 0 ? [`… et ${more} autres : ${appLink(appUrl, LEADS_SHEET_PATH)}`] : []),
      "",
      exclusive.length > 0
        ? "Le montant a été prélevé sur vos crédits. Appelez vite : un lead se travaille dans l'heure."
        : "Appelez vite : un lead se travaille dans l'heure.",
      ...(only ? [`Voir le lead : ${only.link}`] : []),
      "",
      "LeadsAssurance",
    ].join("\n"),
  };
}

function subjectOf(exclusive: MailedLead[], bought: MailedLead[]): string {
  const [only] = [...exclusive, ...bought];
  if (only && exclusive.length + bought.length === 1) return saleTitle(only);
  if (bought.length === 0) return `${exclusive.length} nouveaux ${whatOf(exclusive).plural} exclusifs`;
  if (exclusive.length === 0) return `${bought.length} ${whatOf(bought).plural} achetés`;
  return `${exclusive.length + bought.length} nouveaux ${whatOf([...exclusive, ...bought]).plural}`;
}

const line = (lead: MailedLead) =>
  `- ${lead.productLabel}${lead.departement ? `, département ${lead.departement}` : ""} : ${formatEurosFr(lead.priceCents)} HT`;

/** How a mail names its leads: "lead", "RDV qualifié", or both when they are mixed. */
function whatOf(leads: readonly MailedLead[]): { singular: string; plural: string } {
  const rdv = leads.filter((l) => l.type === "rdv").length;
  if (rdv === 0) return { singular: "lead", plural: "leads" };
  if (rdv === leads.length) return { singular: "RDV qualifié", plural: "RDV qualifiés" };
  return { singular: "lead", plural: "leads et RDV" };
}
