import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../../platform/db/client";
import { organisations } from "../../accounts/schema";
import { appendAuditEvent } from "../../audit";
import { formatInvoiceNumber, invoiceYear } from "../rules/invoice-number";
import { STANDARD_VAT_BASIS_POINTS, vatOn } from "../rules/vat";
import { type InvoiceLine, type InvoiceParty, invoices } from "../schema";

export interface IssueInvoiceInput {
  orgId: string;
  kind: "top_up" | "card_purchase";
  paymentId?: string | null;
  userId?: string | null;
  seller: InvoiceParty;
  lines: readonly Omit<InvoiceLine, "totalCents">[];
  issuedAt: Date;
}

type Rows<T> = { rows: T[] };

/**
 * Issues an invoice in the caller's transaction. Its number comes from the year's counter row, taken
 * with an UPDATE that locks it until the transaction ends: two invoices never share a number, and a
 * transaction that rolls back gives its number back, so the series has no gap.
 */
export async function issueInvoice(tx: DbOrTx, input: IssueInvoiceInput) {
  const [org] = await tx
    .select({ name: organisations.name, address: organisations.address, siren: organisations.siren, vatNumber: organisations.vatNumber })
    .from(organisations)
    .where(eq(organisations.id, input.orgId));
  if (!org) throw new Error(`organisation ${input.orgId} introuvable`);
  const buyer: InvoiceParty = { name: org.name, address: org.address ?? "", siren: org.siren, vatNumber: org.vatNumber };
  const lines: InvoiceLine[] = input.lines.map((l) => ({ ...l, totalCents: l.quantity * l.unitPriceCents }));
  const totals = vatOn(lines.reduce((n, l) => n + l.totalCents, 0));

  const year = invoiceYear(input.issuedAt);
  const counter = (await tx.execute(sql`
    insert into invoice_counters (year, last_number) values (${year}, 1)
    on conflict (year) do update set last_number = invoice_counters.last_number + 1
    returning last_number as "lastNumber"`)) as unknown as Rows<{ lastNumber: number }>;
  const sequence = counter.rows[0]?.lastNumber;
  if (!sequence) throw new Error("invoice counter returned nothing");

  const [invoice] = await tx
    .insert(invoices)
    .values({
      number: formatInvoiceNumber(year, sequence),
      year,
      sequence,
      orgId: input.orgId,
      kind: input.kind,
      paymentId: input.paymentId ?? null,
      issuedAt: input.issuedAt,
      seller: input.seller,
      buyer,
      lines,
      totalHtCents: totals.htCents,
      vatRateBasisPoints: STANDARD_VAT_BASIS_POINTS,
      vatCents: totals.vatCents,
      totalTtcCents: totals.ttcCents,
    })
    .returning();
  if (!invoice) throw new Error("invoice insert returned nothing");
  await appendAuditEvent(tx, {
    actor: { orgId: input.orgId, userId: input.userId ?? null },
    action: "invoice.issued",
    entityType: "invoice",
    entityId: invoice.id,
    data: { number: invoice.number, totalHtCents: invoice.totalHtCents, vatCents: invoice.vatCents, totalTtcCents: invoice.totalTtcCents },
    occurredAt: input.issuedAt,
  });
  return invoice;
}

export type Invoice = Awaited<ReturnType<typeof issueInvoice>>;
