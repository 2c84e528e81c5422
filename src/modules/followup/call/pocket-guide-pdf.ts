import { formatLongDateFr, PDF_COLORS, PdfWriter, type Run, withFrenchSpacing } from "../../../lib/pdf";
import { buildPocketGuide, type GuideBlock, type PocketGuideInput } from "../rules/pocket-guide";

const ACCENT = { background: "#eef2ff", bar: "#1d4ed8" } as const;
const BLANK = "______________________";
// French typography: narrow no-break spaces inside guillemets and before ? ! ; : so none starts a line alone.
const quote = (text: string) => withFrenchSpacing(`« ${text} »`);
const labelled = (label: string) => `${label}\u202f: `;

function drawBlock(pdf: PdfWriter, block: GuideBlock): void {
  switch (block.kind) {
    case "say": {
      const label: Run[] = block.label ? [{ text: labelled(block.label), style: "bold" }] : [];
      if (block.lines.length <= 2) {
        pdf.paragraph([...label, { text: block.lines.map(quote).join(" ") }], { spaceAfter: 3 });
      } else {
        if (block.label) pdf.paragraph([{ text: block.label, style: "bold" }], { spaceAfter: 1 });
        pdf.list(block.lines.map(quote), { columns: 2 });
      }
      return;
    }
    case "hint":
      pdf.paragraph(withFrenchSpacing(block.text), { color: PDF_COLORS.muted, spaceAfter: 3 });
      return;
    case "checklist":
      pdf.list(block.items, { marker: "checkbox", columns: block.columns });
      return;
    case "callout":
      pdf.paragraph([{ text: labelled(block.label), style: "bold" }, { text: quote(block.text) }], { callout: ACCENT, spaceAfter: 5 });
      return;
  }
}

/**
 * The pocket guide as an A4 PDF (one or two pages). Generic guides leave the agency and the advisor as
 * lines to fill in by hand; a guide opened from a call carries them.
 */
export async function pocketGuidePdf(input: PocketGuideInput & { orgName: string }): Promise<Uint8Array> {
  const guide = buildPocketGuide(input);
  const pdf = await PdfWriter.create({
    title: `${guide.title} — ${guide.audienceLabel}`,
    author: input.orgName,
    subject: "Appel de suivi à trois mois d'un nouveau client",
    createdAt: input.now,
    footer: `${input.orgName} — guide de poche M+3, édité le ${formatLongDateFr(input.now)}`,
    fontSize: 9.4,
    margin: 36,
  });
  pdf.heading(guide.title, 1);
  pdf.paragraph([
    { text: labelled("Client"), style: "bold" },
    { text: `${guide.audienceLabel} · ` },
    { text: labelled("Agence"), style: "bold" },
    { text: `${guide.agency ?? BLANK} · ` },
    { text: labelled("Conseiller"), style: "bold" },
    { text: guide.advisor ?? BLANK },
  ]);
  pdf.paragraph("Entre crochets, ce que vous adaptez au client ; entre guillemets, ce que vous dites.", { color: PDF_COLORS.muted });
  for (const section of guide.sections) {
    pdf.heading(section.title, 3);
    for (const block of section.blocks) drawBlock(pdf, block);
  }
  return pdf.save();
}
