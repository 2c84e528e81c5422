import { sql } from "drizzle-orm";
import type { AuthContext } from "../../platform/auth-context";
import type { Db } from "../../platform/db/client";
import { guardSql, withCtes, writeGuarded } from "../../platform/db/guard";
import { preparedRows } from "../../platform/db/prepared-rows";
import { bulkEvent } from "../audit";
import { type LeadContact, leadContactSelect } from "../intake";
import {
  factsOfEachSql,
  type HoldFacts,
  type HoldRequest,
  holdCreatedEvent,
  holdOfFacts,
  holdsInsertSql,
  type LeadRequest,
  listingsTakenSql,
} from "./hold-at-once";
import { saleLeadOf } from "./lead-for-sale";
import { coveredByBalances, creditPurchaseOf, creditSalesAtOnce, type PurchasedLead } from "./pay-at-once";
import type { SaleInput } from "./record-sale";
import type { LeadType } from "./rules/sale-terms";
import type { Hold } from "./schema";

type BuyFacts = HoldFacts & LeadContact & { asked: number; lead_type: LeadType; balance_cents: number | null };

/** buyManyAtOnce for one purchase. */
export async function buyAtOnce(db: Db, buyer: AuthContext, input: HoldRequest, now: Date): Promise<PurchasedLead | null> {
  const [bought] = await buyManyAtOnce(db, [{ buyer, input }], now);
  return bought ?? null;
}

/**
 * buyWithCredits' usual case for purchases made together (group commit: platform/db/group-commit.ts), in
 * two round trips and no transaction whatever their number (decision 004): the holds' facts with the
 * wallets' balances and the leads' contacts, then one statement that takes the leads out of the stock only if each is still free at
 * the same grid version, records each hold as opened and paid at once, and writes the debits, the sales,
 * the promise to deliver them and the signed events — the rows holds then their payments write, in one go.
 * A purchase gets null, with nothing written for it, for anything else (a key seen before, a lead held, sold
 * or gone, a buyer refused, credits short, an RDV to confirm); every purchase gets null when what was read
 * changed before the statement (a lead taken, a balance moved, the same key sent twice at once): the
 * statement then writes nothing at all. buyWithCredits works each of those out in a transaction.
 */
export async function buyManyAtOnce(db: Db, requests: readonly LeadRequest[], now: Date): Promise<(PurchasedLead | null)[]> {
  const facts = await preparedRows<BuyFacts>(
    db,
    "market.buy-facts",
    factsOfEachSql(requests, {
      columns: sql`, m.lead_type, w.balance_cents, ${leadContactSelect}`,
      joins: sql`join leads l on l.id = m.lead_id left join wallets w on w.org_id = r.org_id`,
    }),
    { genericPlan: true },
  );
  const factsOf = new Map(facts.map((f) => [f.asked - 1, f]));
  const buying = coveredByBalances(
    requests.flatMap(({ buyer, input }, i) => {
      const f = factsOf.get(i);
      const hold = holdOfFacts(f, buyer, input, now);
      if (!f || !hold || f.lead_type !== "lead" || f.balance_cents === null) return [];
      return [{ i, buyer, hold, priceCents: hold.priceCents, balanceCents: f.balance_cents, facts: f }];
    }),
  );
  const answers: (PurchasedLead | null)[] = requests.map(() => null);
  if (buying.length === 0) return answers;

  const { sales, ctes, applied } = creditSalesAtOnce(
    buying.map(({ buyer, hold, balanceCents, facts: f }) => ({
      buyer,
      facts: {
        lead_id: hold.leadId,
        holdId: hold.id,
        price_cents: hold.priceCents,
        price_version: hold.priceVersion,
        tier: hold.tier,
        label: saleLeadOf(f).label,
        balanceCents,
      },
    })),
    now,
  );
  // Each hold opened and paid at the same instant, its payment the sale.
  const holds = buying.map(({ hold }, k): Hold => ({ ...hold, status: "paid", closedAt: now, paymentRef: (sales[k] as SaleInput).id }));
  const written = await writeGuarded(
    db,
    "market.buy-sale",
    withCtes(
      [
        ["taken", listingsTakenSql(holds, now.toISOString(), "sold")],
        ["paid_hold", holdsInsertSql(holds)],
        ...ctes((k) => [bulkEvent(holdCreatedEvent(buying[k]?.hold as Hold))]),
      ],
      sql`select ${guardSql(sql`(select count(*) from taken) = ${holds.length} and ${applied}`, "les leads en stock, les soldes ou les ventes")}`,
    ),
    { genericPlan: true },
  );
  // Not written: a lead taken or held meanwhile, a key sent twice at once, a balance moved; the transaction answers each.
  if (!written) return answers;
  for (const [k, { i, facts: f }] of buying.entries()) answers[i] = creditPurchaseOf(sales[k] as SaleInput, f);
  return answers;
}
