import { describe, expect, it } from "vitest";
import { extractPdfText } from "../../../tests/support/pdf-text";
import { formatDateTimeFr, formatEurosFr, formatLongDateFr, formatNumberFr, formatPercentFr, PdfWriter } from ".";
import { layoutText, type Measure } from "./layout-text";

// One unit per character: widths are character counts.
const mono: Measure = (text) => [...text].length;
const texts = (lines: ReturnType<typeof layoutText>) => lines.map((l) => l.fragments.map((f) => f.text).join(""));

describe("layoutText", () => {
  it("breaks at spaces, never leaving a space at either end of a line", () => {
    expect(texts(layoutText([{ text: "le chat dort sur le tapis rouge" }], 12, mono))).toEqual(["le chat dort", "sur le tapis", "rouge"]);
  });

  it("keeps no-break spaces (U+00A0, U+202F) inside their word", () => {
    const lines = texts(layoutText([{ text: "Total 1\u202f234,50\u00a0€ et 35\u202f%" }], 12, mono));
    expect(lines).toEqual(["Total", "1\u202f234,50\u00a0€", "et 35\u202f%"]);
  });

  it("honours explicit newlines, blank lines included", () => {
    expect(texts(layoutText([{ text: "un\n\ndeux" }], 40, mono))).toEqual(["un", "", "deux"]);
  });

  it("cuts a word longer than the line between characters", () => {
    expect(texts(layoutText([{ text: "abcdefghij klm" }], 4, mono))).toEqual(["abcd", "efgh", "ij", "klm"]);
  });

  it("keeps the style of each run and places fragments one after the other", () => {
    const [line] = layoutText([{ text: "Question ", style: "bold" }, { text: "magique" }], 40, mono);
    expect(line?.fragments).toEqual([
      { text: "Question ", style: "bold", color: undefined, x: 0, width: 9 },
      { text: "magique", style: "regular", color: undefined, x: 9, width: 7 },
    ]);
  });
});

describe("French formats", () => {
  it("writes numbers, money, percentages and dates the French way, in Paris time", () => {
    expect(formatNumberFr(1234.5)).toBe("1\u202f234,5");
    expect(formatNumberFr(1.6, 1)).toBe("1,6");
    expect(formatEurosFr(123450)).toBe("1\u202f234,50\u00a0€");
    expect(formatPercentFr(0.35)).toBe("35\u00a0%");
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(formatLongDateFr(new Date("2026-12-31T23:30:00Z"))).toBe("1 janvier 2027");
    expect(formatDateTimeFr(new Date("2026-07-14T08:05:00Z"))).toBe("14/07/2026 10:05");
  });
});

describe("PdfWriter", () => {
  const createdAt = new Date("2026-11-21T09:00:00Z");

  it("flows headings, paragraphs, lists and a long table over pages, with the footer and page numbers on each", async () => {
    const pdf = await PdfWriter.create({ title: "Essai", author: "Agence Corniche", createdAt, footer: "Cabinet Durand — essai" });
    pdf.heading("Relevé de test", 1);
    pdf.paragraph([{ text: "Montant : ", style: "bold" }, { text: `${formatEurosFr(123450)} réglés le ${formatLongDateFr(createdAt)}.` }]);
    pdf.paragraph("Une phrase assez longue pour occuper plusieurs lignes. ".repeat(12), {
      callout: { background: "#eef2ff", bar: "#1d4ed8" },
    });
    pdf.list(["Premier point", "Deuxième point"], { marker: "checkbox" });
    pdf.table({
      columns: [
        { header: "N°", width: 1, align: "right" },
        { header: "Libellé", width: 5 },
        { header: "Montant", width: 2, align: "right" },
      ],
      rows: Array.from({ length: 90 }, (_, i) => [String(i + 1), `Ligne ${i + 1} du tableau`, formatEurosFr((i + 1) * 1000)]),
      striped: true,
    });
    pdf.heading("Fin", 2);
    pdf.paragraph("Dernier paragraphe.");
    const bytes = await pdf.save();

    const { pages, info } = await extractPdfText(bytes);
    expect(pages.length).toBe(pdf.pages);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((text, i) => {
      expect(text).toContain(`Page ${i + 1} / ${pages.length}`);
      expect(text).toContain("Cabinet Durand — essai");
    });
    const all = pages.join("\n");
    // pdf.js reads the no-break spaces back as plain spaces; that they did not break the line is what shows.
    expect(all).toContain("Montant : 1 234,50 € réglés le 21 novembre 2026.");
    expect(all).toContain("☐");
    expect(all).toContain("Ligne 90 du tableau");
    // The header row is repeated on each page the table runs onto.
    expect(pages.filter((p) => p.includes("Libellé")).length).toBeGreaterThanOrEqual(2);
    expect(pages.at(-1)).toContain("Dernier paragraphe.");
    expect(info.Title).toBe("Essai");
    expect(info.Author).toBe("Agence Corniche");
    expect(info.Language).toBe("fr-FR");
    // The fonts are subset: a 1.4 MB pair of TTF files must not land in every document.
    expect(bytes.length).toBeLessThan(120_000);
  });

  it("moves a heading to the next page rather than leaving it alone at the bottom", async () => {
    const pdf = await PdfWriter.create({ title: "Titres", createdAt });
    while (pdf.room > pdf.lineHeight() * 3.5) pdf.paragraph("Remplissage.", { spaceAfter: 0 });
    pdf.heading("Titre isolé");
    pdf.paragraph("Son texte.");
    const { pages } = await extractPdfText(await pdf.save());
    expect(pages[0]).not.toContain("Titre isolé");
    expect(pages[1]).toContain("Titre isolé");
  });
});
