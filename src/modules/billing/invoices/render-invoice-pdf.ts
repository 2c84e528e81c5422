import { formatEurosFr, formatLongDateFr, formatPercentFr, PdfWriter } from "../../../lib/pdf";
import type { InvoiceLine, InvoiceParty } from "../schema";

export interface InvoiceDocument {
  number: string;
  issuedAt: Date;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  lines: readonly InvoiceLine[];
  totalHtCents: number;
  vatRateBasisPoints: number;
  vatCents: number;
  totalTtcCents: number;
  /** Paid by card at issue: the invoice says so, and shows no due date to chase. */
  paidByCard: boolean;
}

const partyLines = (p: InvoiceParty) =>
  [
    p.name,
    ...p.address
      .split(/\n|;/)
      .map((l) => l.trim())
      .filter(Boolean),
    p.siren ? `SIREN : ${p.siren}` : null,
    p.vatNumber ? `N° TVA intracommunautaire : ${p.vatNumber}` : null,
  ].filter((l): l is string => l !== null);

/** Mentions a French invoice between professionals must carry (Code de commerce, L441-9 and L441-10). */
export const LEGAL_MENTIONS = [
  "Pénalités de retard : trois fois le taux d'intérêt légal en vigueur, exigibles dès le lendemain de la date d'échéance.",
  "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 € (article D441-5 du Code de commerce).",
  "Pas d'escompte pour paiement anticipé.",
];

/** The invoice as a PDF (A4, embedded DejaVu font: the narrow no-break spaces of "1 234,50 €" print). */
export async function renderInvoicePdf(inv: InvoiceDocument): Promise<Uint8Array> {
  const pdf = await PdfWriter.create({
    title: `Facture ${inv.number}`,
    author: inv.seller.name,
    subject: `Facture ${inv.number} — ${inv.buyer.name}`,
    createdAt: inv.issuedAt,
    footer: `${inv.seller.name} — facture ${inv.number}`,
  });
  pdf.heading(`Facture ${inv.number}`, 1);
  pdf.paragraph(`Date d'émission : ${formatLongDateFr(inv.issuedAt)}`);
  pdf.paragraph(
    inv.paidByCard
      ? `Date d'échéance : ${formatLongDateFr(inv.issuedAt)} — facture acquittée par carte bancaire le ${formatLongDateFr(inv.issuedAt)}.`
      : `Date d'échéance : ${formatLongDateFr(inv.issuedAt)}`,
  );
  pdf.space(6);
  pdf.heading("Vendeur", 3);
  pdf.paragraph(partyLines(inv.seller).join("\n"));
  pdf.heading("Client", 3);
  pdf.paragraph(partyLines(inv.buyer).join("\n"));
  pdf.space(6);
  pdf.table({
    columns: [
      { header: "Désignation", width: 5 },
      { header: "Quantité", width: 1.2, align: "right" },
      { header: "Prix unitaire HT", width: 2, align: "right" },
      { header: "Total HT", width: 2, align: "right" },
    ],
    rows: inv.lines.map((l) => [l.label, String(l.quantity), formatEurosFr(l.unitPriceCents), formatEurosFr(l.totalCents)]),
  });
  pdf.space(6);
  pdf.table({
    columns: [
      { header: "Récapitulatif", width: 7 },
      { header: "Montant", width: 3, align: "right" },
    ],
    rows: [
      ["Total HT", formatEurosFr(inv.totalHtCents)],
      [`TVA ${formatPercentFr(inv.vatRateBasisPoints / 10_000)}`, formatEurosFr(inv.vatCents)],
      [[{ text: "Total TTC", style: "bold" }], [{ text: formatEurosFr(inv.totalTtcCents), style: "bold" }]],
    ],
  });
  pdf.space(10);
  pdf.heading("Conditions", 3);
  for (const mention of LEGAL_MENTIONS) pdf.paragraph(mention, { size: pdf.fontSize * 0.9 });
  return pdf.save();
}
