import { type SQL, sql } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth-context";
import type { Db } from "../../platform/db/client";
import { guardSql, withCtes, writeGuarded } from "../../platform/db/guard";
import { pgArrayLiteral } from "../../platform/db/pg-array";
import { preparedRows } from "../../platform/db/prepared-rows";
import { uuidv7 } from "../../platform/db/uuid-v7";
import { actorsEventsInsertSql, bulkEvent } from "../audit";
import { type BuyerFacts, buyerFactsSql, buyerProblemsOf } from "../brokers";
import { type LeadForSaleRow, leadForSaleSql, saleLeadOf } from "./lead-for-sale";
import { freshnessTierAt } from "./rules/freshness";
import { HOLD_MINUTES, type PriceTier } from "./rules/sale-terms";
import type { Hold } from "./schema";

/** Timestamps come as a Date from a prepared statement, as a string otherwise (preparedRows). */
export type HoldFacts = LeadForSaleRow & {
  tier24_until: string | Date;
  tier48_until: string | Date;
  expires_at: string | Date;
  sold_at: string | Date | null;
  hold_until: string | Date | null;
  grid_version: number;
  prices: Partial<Record<PriceTier, number>> | null;
  lead_held: boolean;
  key_used: boolean;
  buyer: BuyerFacts | null;
};

export interface HoldRequest {
  leadId: string;
  idempotencyKey: string;
}

/**
 * The one query a hold is decided on, for the request `r` (org_id, lead_id, idempotency_key) of
 * factsOfEachSql: the listing, the lead's consent coverage, the buyer, the prices in force and whether the
 * key was used. `more` adds columns and joins to it (a purchase at once also reads the wallet and the
 * lead's contact); the listing is `m`.
 */
function holdFactsSql(more: { columns: SQL; joins: SQL } = { columns: sql``, joins: sql`` }): SQL {
  return sql`
      select f.*, m.tier24_until, m.tier48_until, m.expires_at, m.sold_at, m.hold_until, g.version as grid_version,
             (select json_object_agg(p.tier, p.price_cents) from prices p
               where p.version = g.version and p.product = m.product and p.lead_type = m.lead_type and p.channel = 'marketplace') as prices,
             exists (select 1 from market_holds h where h.lead_id = m.lead_id and h.status = 'active') as lead_held,
             exists (select 1 from market_holds h where h.org_id = r.org_id and h.idempotency_key = r.idempotency_key) as key_used,
             ${buyerFactsSql(sql`r.org_id`)} as buyer ${more.columns}
      from market_listings m cross join lateral (${leadForSaleSql(sql`m.lead_id`)}) f
           cross join (select max(version) as version from price_grids) g ${more.joins}
      where m.lead_id = r.lead_id`;
}

/**
 * The hold these facts allow at `now`, at the price of the lead's freshness tier; null when anything stands
 * in the way (a key seen before, a lead held, sold or past its time, a buyer refused, no price published),
 * for the transaction to give the exact answer.
 */
export function holdOfFacts(facts: HoldFacts | undefined, buyer: AuthContext, input: HoldRequest, now: Date): Hold | null {
  if (!facts || facts.key_used || facts.lead_held || facts.sold_at || new Date(facts.expires_at) <= now) return null;
  if (facts.hold_until && new Date(facts.hold_until) > now) return null;
  if (buyerProblemsOf(facts.buyer, saleLeadOf(facts)).length > 0) return null;
  const tier = freshnessTierAt(
    { tier24Until: new Date(facts.tier24_until), tier48Until: new Date(facts.tier48_until), expiresAt: new Date(facts.expires_at) },
    now,
  ) as PriceTier;
  const priceCents = facts.prices?.[tier];
  if (priceCents === undefined) return null;
  return {
    id: uuidv7(now.getTime()),
    leadId: input.leadId,
    orgId: buyer.orgId,
    userId: buyer.userId,
    idempotencyKey: input.idempotencyKey,
    priceCents,
    priceVersion: facts.grid_version,
    tier,
    status: "active",
    createdAt: now,
    expiresAt: new Date(now.getTime() + HOLD_MINUTES * 60_000),
    closedAt: null,
    paymentRef: null,
  };
}

/** holdManyAtOnce for one hold. */
export async function holdAtOnce(db: Db, buyer: AuthContext, input: HoldRequest, now: Date): Promise<Hold | null> {
  const [held] = await holdManyAtOnce(db, [{ buyer, input }], now);
  return held ?? null;
}

/**
 * holdLead's usual case for holds asked together (group commit, platform/db/group-commit.ts), in two round
 * trips and no transaction whatever their number (decision 004, as the intake does): one query reads each
 * hold's facts (holdFactsSql); then one statement takes the leads only if each is still free at the same
 * grid version, with the holds and their signed events. A hold gets null, with nothing written for it, for
 * anything else (a key seen before, a lead held, sold or gone, a buyer refused); every hold gets null when a
 * lead was taken meanwhile, a grid published or the same key sent twice at once: the statement then writes
 * nothing at all. holdLead works each of those out in a transaction and gives the exact answer.
 */
export async function holdManyAtOnce(db: Db, requests: readonly LeadRequest[], now: Date): Promise<(Hold | null)[]> {
  const facts = await preparedRows<HoldFacts & { asked: number }>(db, "market.hold-facts", factsOfEachSql(requests), { genericPlan: true });
  const factsOf = new Map(facts.map((f) => [f.asked - 1, f]));
  const answers = requests.map(({ buyer, input }, i) => holdOfFacts(factsOf.get(i), buyer, input, now));
  const holds = answers.filter((h): h is Hold => h !== null);
  if (holds.length === 0) return answers;
  const at = now.toISOString();
  const written = await writeGuarded(
    db,
    "market.hold-take",
    withCtes(
      [
        ["taken", listingsTakenSql(holds, at, "held")],
        ["new_hold", holdsInsertSql(holds)],
        [
          "hold_event",
          actorsEventsInsertSql(
            now,
            requests.flatMap(({ buyer }, i) => {
              const hold = answers[i];
              return hold ? [{ actor: buyerActor(buyer), event: bulkEvent(holdCreatedEvent(hold)) }] : [];
            }),
          ),
        ],
      ],
      sql`select ${guardSql(sql`(select count(*) from taken) = ${holds.length}`, "les leads en stock")}`,
    ),
    { genericPlan: true },
  );
  // Not written: a lead taken by another buyer meanwhile, or the same key sent twice at once; the transaction answers each.
  return written ? answers : requests.map(() => null);
}

/** Who asks for which lead under which key: to hold it or to buy it, alone or with others (group commit). */
export interface LeadRequest {
  buyer: AuthContext;
  input: HoldRequest;
}

/**
 * holdFactsSql for each request, with its rank (from 1) as `asked`; a request whose lead is not listed has
 * no row. `more` as for holdFactsSql, where `r.org_id` is the buyer.
 */
export function factsOfEachSql(requests: readonly LeadRequest[], more?: { columns: SQL; joins: SQL }): SQL {
  const column = (pick: (r: LeadRequest) => string) => pgArrayLiteral(requests.map(pick));
  return sql`select r.asked::int as asked, x.*
      from unnest(${column((r) => r.buyer.orgId)}::uuid[], ${column((r) => r.input.leadId)}::uuid[],
                  ${column((r) => r.input.idempotencyKey)}::text[]) with ordinality as r(org_id, lead_id, idempotency_key, asked)
      cross join lateral (${holdFactsSql(more)}) x`;
}

/**
 * Takes the holds' leads out of the stock at `at` ("sold": a hold paid at once) or holds them until their
 * holds expire, each only if it is still free at `at` (in stock, nobody's hold running) and the grid its
 * price was read from is still in force; returns the leads taken.
 */
export function listingsTakenSql(holds: readonly Hold[], at: string, as: "held" | "sold"): SQL {
  const column = (pick: (h: Hold) => string | number) => pgArrayLiteral(holds.map(pick));
  const set =
    as === "sold"
      ? sql`sold_at = ${at}::timestamptz, held_by = null, hold_until = null`
      : sql`held_by = t.wanted_by, hold_until = t.wanted_until`;
  return sql`update market_listings set ${set}
      from unnest(${column((h) => h.leadId)}::uuid[], ${column((h) => h.priceVersion)}::int[], ${column((h) => h.orgId)}::uuid[],
                  ${column((h) => h.expiresAt.toISOString())}::timestamptz[]) as t(wanted_lead, wanted_version, wanted_by, wanted_until)
      where lead_id = t.wanted_lead and sold_at is null and expires_at > ${at}::timestamptz
        and (hold_until is null or hold_until <= ${at}::timestamptz)
        and (select max(version) from price_grids) = t.wanted_version
      returning lead_id`;
}

/** The holds' rows, as they are, for the leads a sibling CTE `taken` took. */
export function holdsInsertSql(holds: readonly Hold[]): SQL {
  const column = (pick: (h: Hold) => string | number | null) => pgArrayLiteral(holds.map(pick));
  const time = (d: Date | null) => d?.toISOString() ?? null;
  return sql`insert into market_holds (id, lead_id, org_id, user_id, idempotency_key, price_cents, price_version, tier, status, created_at,
                                     expires_at, closed_at, payment_ref)
      select * from unnest(${column((h) => h.id)}::uuid[], ${column((h) => h.leadId)}::uuid[], ${column((h) => h.orgId)}::uuid[],
                           ${column((h) => h.userId)}::uuid[], ${column((h) => h.idempotencyKey)}::text[], ${column((h) => h.priceCents)}::int[],
                           ${column((h) => h.priceVersion)}::int[], ${column((h) => h.tier)}::text[], ${column((h) => h.status)}::text[],
                           ${column((h) => time(h.createdAt))}::timestamptz[], ${column((h) => time(h.expiresAt))}::timestamptz[],
                           ${column((h) => time(h.closedAt))}::timestamptz[], ${column((h) => h.paymentRef)}::text[])
               as h(id, lead_id, org_id, user_id, idempotency_key, price_cents, price_version, tier, status, created_at, expires_at, closed_at, payment_ref)
      where h.lead_id in (select lead_id from taken)`;
}

/** A buyer acts through its session (the marketplace takes no API key), as the transactional path records it. */
export const buyerActor = (buyer: AuthContext) => ({ orgId: buyer.orgId, userId: buyer.userId, apiKeyId: null });

/** The audit event of a new hold, the same on both paths. */
export function holdCreatedEvent(hold: Hold) {
  return {
    action: "market.hold_created",
    entityType: "market_hold",
    entityId: hold.id,
    data: {
      leadId: hold.leadId,
      priceCents: hold.priceCents,
      priceVersion: hold.priceVersion,
      tier: hold.tier,
      expiresAt: hold.expiresAt.toISOString(),
    },
  };
}
