import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { nextDay, parisDayStart } from "../market/rules/business-days";
import type { BrokerLeadFilters, BrokerLeadItem, BrokerLeadsQuery } from "./api";
import { callDaysLeft } from "./rules/callability";
import type { LostReason, WorkStatus } from "./rules/work-status";

/** Past this many matches the list says "10 000+" rather than counting a brokerage's whole history on each page. */
const COUNT_CAP = 10_000;

const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * What a search term may be the start of: a phone typed the French way ("06 12…") is stored in E.164
 * ("+33612…"); anything else is the start of a first or last name, each word on its own.
 */
function searchCondition(q: string): SQL {
  const compact = q.replace(/[\s.\-()]/g, "");
  if (/^\+?\d{2,}$/.test(compact)) {
    const prefixes = compact.startsWith("+")
      ? [compact]
      : compact.startsWith("0")
        ? [`+33${compact.slice(1)}`]
        : [`+33${compact}`, `+${compact}`];
    return sql`(${sql.join(
      prefixes.map((p) => sql`w.phone like ${likePrefix(p)}`),
      sql` or `,
    )})`;
  }
  const words = q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4);
  return sql.join(
    words.map((w) => sql`(w.last_name_key like ${likePrefix(w)} or w.first_name_key like ${likePrefix(w)})`),
    sql` and `,
  );
}

/** The conditions of the list, its export and nothing else: always within the caller's brokerage. */
export function brokerLeadConditions(orgId: string, f: BrokerLeadFilters): SQL {
  const where: SQL[] = [sql`w.org_id = ${orgId}::uuid`];
  if (f.product) where.push(sql`w.product = ${f.product}`);
  if (f.leadType) where.push(sql`w.lead_type = ${f.leadType}`);
  if (f.status) where.push(sql`w.status = ${f.status}`);
  if (f.channel) where.push(sql`w.channel = ${f.channel}`);
  if (f.departement) where.push(sql`w.departement = ${f.departement}`);
  if (f.from) where.push(sql`w.sold_at >= ${parisDayStart(f.from).toISOString()}::timestamptz`);
  if (f.to) where.push(sql`w.sold_at < ${parisDayStart(nextDay(f.to)).toISOString()}::timestamptz`);
  if (f.q) where.push(searchCondition(f.q));
  return sql.join(where, sql` and `);
}

interface Row {
  lead_id: string;
  product: string;
  lead_type: BrokerLeadItem["leadType"];
  channel: BrokerLeadItem["channel"];
  status: WorkStatus;
  lost_reason: LostReason | null;
  sold_at: string | Date;
  price_cents: number;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  postal_code: string | null;
  city: string | null;
  departement: string | null;
  consent_at: string | Date | null;
}

export async function listBrokerLeads(db: DbOrTx, orgId: string, query: BrokerLeadsQuery, now: Date) {
  const where = brokerLeadConditions(orgId, query);
  // With a search, the few matches come from the name or phone indexes and are then sorted: "+ interval '0'" keeps
  // the planner from walking the whole brokerage in sold_at order hoping to meet 25 of them early (60 ms at 200,000).
  const soldAt = query.q ? sql`(w.sold_at + interval '0')` : sql`w.sold_at`;
  const order = query.sort === "oldest" ? sql`${soldAt} asc, w.lead_id asc` : sql`${soldAt} desc, w.lead_id desc`;
  const [rows, counted] = await Promise.all([
    rawRows<Row>(
      db,
      sql`select w.lead_id, w.product, w.lead_type, w.channel, w.status, w.lost_reason, w.sold_at, w.price_cents,
                 l.first_name, l.last_name, l.phone, l.postal_code, l.city, w.departement, c.collected_at as consent_at
            from lead_work w
            join leads l on l.id = w.lead_id
            left join lead_consents c on c.lead_id = w.lead_id
           where ${where}
           order by ${order}
           limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
    ),
    rawRows<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from lead_work w where ${where} limit ${COUNT_CAP + 1}) m`),
  ]);
  const n = counted[0]?.n ?? 0;
  return {
    items: rows.map((r) => itemOf(r, now)),
    total: Math.min(n, COUNT_CAP),
    totalCapped: n > COUNT_CAP,
  };
}

function itemOf(r: Row, now: Date): BrokerLeadItem {
  return {
    leadId: r.lead_id,
    product: r.product,
    leadType: r.lead_type,
    channel: r.channel,
    status: r.status,
    lostReason: r.lost_reason,
    soldAt: new Date(r.sold_at),
    priceCents: r.price_cents,
    firstName: r.first_name,
    lastName: r.last_name,
    phone: r.phone,
    postalCode: r.postal_code,
    city: r.city,
    departement: r.departement,
    callDaysLeft: r.consent_at ? callDaysLeft(new Date(r.consent_at), now) : null,
  };
}
