import { and, asc, desc, eq, gte, lt } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { organisations } from "../../accounts/schema";
import { monthLabel, monthRange } from "../rules/statement-month";
import { type InvoiceParty, ledgerEntries } from "../schema";
import { renderStatementPdf } from "./render-statement-pdf";

/** The relevé mensuel of a brokerage's credits, as a PDF (amounts HT). */
export async function monthlyStatementPdf(db: DbOrTx, input: { orgId: string; month: string; seller: InvoiceParty; now: Date }) {
  const { from, to } = monthRange(input.month);
  const [org] = await db.select().from(organisations).where(eq(organisations.id, input.orgId));
  if (!org) throw new Error("organisation introuvable");
  const [before] = await db
    .select({ balance: ledgerEntries.balanceAfterCents })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, input.orgId), lt(ledgerEntries.createdAt, from)))
    .orderBy(desc(ledgerEntries.createdAt), desc(ledgerEntries.id))
    .limit(1);
  const entries = await db
    .select({
      createdAt: ledgerEntries.createdAt,
      description: ledgerEntries.description,
      amountCents: ledgerEntries.amountCents,
      balanceAfterCents: ledgerEntries.balanceAfterCents,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.orgId, input.orgId), gte(ledgerEntries.createdAt, from), lt(ledgerEntries.createdAt, to)))
    .orderBy(asc(ledgerEntries.createdAt), asc(ledgerEntries.id));
  const opening = before?.balance ?? 0;
  const closing = opening + entries.reduce((n, e) => n + e.amountCents, 0);
  const bytes = await renderStatementPdf({
    month: input.month,
    monthLabel: monthLabel(input.month),
    generatedAt: input.now,
    seller: input.seller,
    buyer: { name: org.name, address: org.address ?? "", siren: org.siren, vatNumber: org.vatNumber },
    openingBalanceCents: opening,
    closingBalanceCents: closing,
    entries,
  });
  return { bytes, filename: `releve-credits-${input.month}.pdf` };
}
