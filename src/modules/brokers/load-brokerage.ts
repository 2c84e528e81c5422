import { eq } from "drizzle-orm";
import type { DbOrTx } from "../../platform/db/client";
import { notFound } from "../../platform/errors";
import type { BrokerageStatus, BrokerageView } from "./api";
import { brokerages } from "./schema";

type BrokerageRow = typeof brokerages.$inferSelect;

export const statusOf = (b: Pick<BrokerageRow, "verifiedAt" | "refusedAt">): BrokerageStatus =>
  b.verifiedAt ? "verified" : b.refusedAt ? "refused" : "pending";

export function brokerageView(b: BrokerageRow): BrokerageView {
  const { verifiedBy: _v, refusedBy: _r, ...rest } = b;
  return { ...rest, status: statusOf(b) };
}

/** The caller's own brokerage; 404 for an organisation that has none (a CRM-only cabinet). */
export async function loadBrokerage(db: DbOrTx, orgId: string): Promise<BrokerageView> {
  const [row] = await db.select().from(brokerages).where(eq(brokerages.orgId, orgId)).limit(1);
  if (!row) throw notFound("Cabinet");
  return brokerageView(row);
}
