import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { notFound } from "../../../platform/errors";
import { invoices } from "../schema";
import { renderInvoicePdf } from "./render-invoice-pdf";

export async function listInvoices(db: DbOrTx, orgId: string) {
  return db
    .select({
      id: invoices.id,
      number: invoices.number,
      issuedAt: invoices.issuedAt,
      totalHtCents: invoices.totalHtCents,
      vatCents: invoices.vatCents,
      totalTtcCents: invoices.totalTtcCents,
    })
    .from(invoices)
    .where(eq(invoices.orgId, orgId))
    .orderBy(desc(invoices.issuedAt), desc(invoices.sequence));
}

/** The invoice's PDF, rendered from what was issued; another organisation's invoice is "not found". */
export async function invoicePdf(db: DbOrTx, orgId: string, id: string) {
  const [inv] = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.id, id), eq(invoices.orgId, orgId)));
  if (!inv) throw notFound("Facture");
  const bytes = await renderInvoicePdf({ ...inv, paidByCard: inv.paymentId !== null });
  return { bytes, filename: `${inv.number}.pdf` };
}
