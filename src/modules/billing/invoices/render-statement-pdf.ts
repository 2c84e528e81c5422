import { formatDateTimeFr, formatEurosFr, PdfWriter } from "../../../lib/pdf";
import type { InvoiceParty } from "../schema";

export interface StatementDocument {
  /** "novembre 2026" */
  monthLabel: string;
  /** "2026-11" */
  month: string;
  generatedAt: Date;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  openingBalanceCents: number;
  closingBalanceCents: number;
  entries: readonly { createdAt: Date; description: string; amountCents: number; balanceAfterCents: number }[];
}

/** Relevé mensuel: every movement of the month with the balance after it, opening and closing balances. */
export async function renderStatementPdf(s: StatementDocument): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({
    title: `Relevé de crédits — ${s.monthLabel}`,
    author: s.seller.name,
    createdAt: s.generatedAt,
    footer: `${s.seller.name} — relevé ${s.month} — ${s.buyer.name}`,
  });
  const credited = s.entries.filter((e) => e.amountCents > 0).reduce((n, e) => n + e.amountCents, 0);
  const debited = s.entries.filter((e) => e.amountCents < 0).reduce((n, e) => n - e.amountCents, 0);
  pdf.heading(`Relevé de consommation de crédits — ${s.monthLabel}`, 1);
  pdf.paragraph(`${s.buyer.name}${s.buyer.siren ? ` — SIREN ${s.buyer.siren}` : ""}`);
  pdf.paragraph("Montants en euros hors taxes : les recharges sont facturées TTC à l'achat, ce relevé n'est pas une facture.", {
    size: pdf.fontSize * 0.9,
  });
  pdf.table({
    columns: [
      { header: "Solde au début du mois", width: 1, align: "right" },
      { header: "Crédits ajoutés", width: 1, align: "right" },
      { header: "Crédits consommés", width: 1, align: "right" },
      { header: "Solde en fin de mois", width: 1, align: "right" },
    ],
    rows: [[formatEurosFr(s.openingBalanceCents), formatEurosFr(credited), formatEurosFr(debited), formatEurosFr(s.closingBalanceCents)]],
  });
  pdf.space(8);
  pdf.heading("Mouvements", 2);
  if (s.entries.length === 0) pdf.paragraph("Aucun mouvement ce mois-ci.");
  else
    pdf.table({
      striped: true,
      columns: [
        { header: "Date", width: 2 },
        { header: "Opération", width: 5 },
        { header: "Montant", width: 2, align: "right" },
        { header: "Solde", width: 2, align: "right" },
      ],
      rows: s.entries.map((e) => [
        formatDateTimeFr(e.createdAt),
        e.description,
        formatEurosFr(e.amountCents),
        formatEurosFr(e.balanceAfterCents),
      ]),
    });
  return pdf.save();
}
