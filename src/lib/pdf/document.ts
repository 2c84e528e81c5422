import type { PDFDocument, PDFFont, PDFPage } from "pdf-lib";
import { hexColor } from "./colors";
import { loadFonts } from "./fonts";
import { type Line, layoutText, type Run, type TextStyle } from "./layout-text";
import { loadPdfLib } from "./pdf-lib";
import { drawTable, type TableSpec } from "./table";

/** A4 portrait, in PDF points (1/72 inch). */
export const A4: readonly [number, number] = [595.28, 841.89];

export interface PdfDocumentOptions {
  title: string;
  author?: string;
  subject?: string;
  /** Stamped as creation date: the caller's clock, never read here. */
  createdAt: Date;
  /** Left of the footer on every page; "Page n / N" sits on the right. */
  footer?: string;
  pageSize?: readonly [number, number];
  margin?: number;
  fontSize?: number;
}

export interface ParagraphOptions {
  size?: number;
  color?: string;
  /** Extra left indent in points. */
  indent?: number;
  spaceAfter?: number;
  /** A tinted box with a left bar, for what must catch the eye (a key question, a warning). */
  callout?: { background: string; bar: string };
}

export type ListMarker = "bullet" | "number" | "checkbox";

export interface ListOptions {
  marker?: ListMarker;
  /** Items side by side, in rows of this many. */
  columns?: number;
  size?: number;
  color?: string;
  indent?: number;
}

export type Content = string | readonly Run[];

const COLORS = { text: "#1f2937", muted: "#6b7280", heading: "#111827", rule: "#d1d5db" } as const;
const LINE_HEIGHT = 1.32;
const HEADING_SIZES = { 1: 1.9, 2: 1.3, 3: 1.08 } as const;
const MARKERS: Record<ListMarker, (i: number) => string> = {
  bullet: () => "•",
  number: (i) => `${i + 1}.`,
  checkbox: () => "☐",
};

export const runsOf = (content: Content): readonly Run[] => (typeof content === "string" ? [{ text: content }] : content);

/**
 * A flowing document: blocks are added top to bottom and pages are added as they fill up; headings
 * are kept with what follows them, table headers are repeated, and every page gets its footer with
 * "Page n / N" when the document is saved. Knows nothing of what it prints (guides, invoices, proofs).
 */
export class PdfWriter {
  readonly contentWidth: number;
  readonly fontSize: number;
  private pageCount = 0;
  private page!: PDFPage;
  /** Distance from the bottom of the page to the top of the next block. */
  private y = 0;
  private readonly size: readonly [number, number];
  private readonly margin: number;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Record<TextStyle, PDFFont>,
    private readonly options: PdfDocumentOptions,
  ) {
    this.size = options.pageSize ?? A4;
    this.margin = options.margin ?? 40;
    this.fontSize = options.fontSize ?? 9.5;
    this.contentWidth = this.size[0] - 2 * this.margin;
    this.newPage();
  }

  static async create(options: PdfDocumentOptions): Promise<PdfWriter> {
    const { lib, fontkit } = await loadPdfLib();
    const doc = await lib.PDFDocument.create();
    doc.registerFontkit(fontkit);
    const bytes = await loadFonts();
    // Subset: only the glyphs used are embedded (a few dozen kB instead of 1.4 MB).
    const [regular, bold] = await Promise.all([
      doc.embedFont(bytes.regular, { subset: true }),
      doc.embedFont(bytes.bold, { subset: true }),
    ]);
    doc.setTitle(options.title, { showInWindowTitleBar: true });
    if (options.author) doc.setAuthor(options.author);
    if (options.subject) doc.setSubject(options.subject);
    doc.setLanguage("fr-FR");
    doc.setCreator("LeadsAssurance");
    doc.setProducer("LeadsAssurance (pdf-lib)");
    doc.setCreationDate(options.createdAt);
    doc.setModificationDate(options.createdAt);
    return new PdfWriter(doc, { regular, bold }, options);
  }

  get pages(): number {
    return this.pageCount;
  }

  measure = (text: string, style: TextStyle, size = this.fontSize) => this.fonts[style].widthOfTextAtSize(text, size);

  lineHeight(size = this.fontSize): number {
    return size * LINE_HEIGHT;
  }

  /** Room left on the current page, in points. */
  get room(): number {
    return this.y - this.bottom;
  }

  private get bottom(): number {
    // The footer line lives in the bottom margin.
    return this.margin + this.fontSize * 1.5;
  }

  /** Height available for blocks on a fresh page. */
  get pageBodyHeight(): number {
    return this.top - this.bottom;
  }

  get atTopOfPage(): boolean {
    return this.y >= this.top;
  }

  private get top(): number {
    return this.size[1] - this.margin;
  }

  newPage(): void {
    this.page = this.doc.addPage([this.size[0], this.size[1]]);
    this.pageCount++;
    this.y = this.top;
  }

  /** Starts a new page unless `height` points still fit on this one (and this page is not blank already). */
  ensureRoom(height: number): void {
    if (height > this.room && this.y < this.top) this.newPage();
  }

  space(points: number): void {
    this.y = Math.max(this.bottom, this.y - points);
  }

  layout(content: Content, width: number, size = this.fontSize): Line[] {
    return layoutText(runsOf(content), width, (text, style) => this.measure(text, style, size));
  }

  /** Draws laid-out lines from (x, top of the first line), on the current page. */
  drawLines(lines: readonly Line[], x: number, top: number, opts: { size?: number; color?: string } = {}): void {
    const size = opts.size ?? this.fontSize;
    const lh = this.lineHeight(size);
    lines.forEach((line, i) => {
      // Baseline sits at ~78 % of the line box: ascenders fit above, descenders below.
      const baseline = top - i * lh - size * 1.02;
      for (const f of line.fragments) {
        this.page.drawText(f.text, {
          x: x + f.x,
          y: baseline,
          size,
          font: this.fonts[f.style],
          color: hexColor(f.color ?? opts.color ?? COLORS.text),
        });
      }
    });
  }

  /** Lines flowing over pages as needed, from the current position. */
  private flowLines(lines: readonly Line[], x: number, opts: { size?: number; color?: string }): void {
    const lh = this.lineHeight(opts.size);
    let i = 0;
    while (i < lines.length) {
      if (this.room < lh) this.newPage();
      const count = Math.min(lines.length - i, Math.max(1, Math.floor(this.room / lh)));
      this.drawLines(lines.slice(i, i + count), x, this.y, opts);
      this.y -= count * lh;
      i += count;
    }
  }

  heading(text: string, level: 1 | 2 | 3 = 2): void {
    const size = this.fontSize * HEADING_SIZES[level];
    const lines = this.layout([{ text, style: "bold" }], this.contentWidth, size);
    const height = lines.length * this.lineHeight(size);
    const before = this.y < this.top ? size * (level === 1 ? 0.4 : 0.7) : 0;
    // Kept with at least three lines of what follows: a heading never ends a page.
    this.ensureRoom(before + height + 3 * this.lineHeight());
    this.space(this.y < this.top ? before : 0);
    this.drawLines(lines, this.margin, this.y, { size, color: COLORS.heading });
    this.y -= height + size * 0.25;
  }

  paragraph(content: Content, opts: ParagraphOptions = {}): void {
    const size = opts.size ?? this.fontSize;
    const indent = opts.indent ?? 0;
    const pad = opts.callout ? 6 : 0;
    const bar = opts.callout ? 3 : 0;
    const lines = this.layout(content, this.contentWidth - indent - 2 * pad - bar, size);
    const textHeight = lines.length * this.lineHeight(size);
    if (opts.callout) {
      // A callout is short and drawn whole: it moves to the next page rather than being cut.
      this.ensureRoom(textHeight + 2 * pad);
      const height = textHeight + 2 * pad;
      const x = this.margin + indent;
      this.page.drawRectangle({
        x,
        y: this.y - height,
        width: this.contentWidth - indent,
        height,
        color: hexColor(opts.callout.background),
      });
      this.page.drawRectangle({ x, y: this.y - height, width: bar, height, color: hexColor(opts.callout.bar) });
      this.drawLines(lines, x + bar + pad, this.y - pad, { size, color: opts.color });
      this.y -= height;
    } else {
      this.ensureRoom(Math.min(textHeight, 2 * this.lineHeight(size)));
      this.flowLines(lines, this.margin + indent, { size, color: opts.color });
    }
    this.space(opts.spaceAfter ?? size * 0.45);
  }

  /**
   * Items with a bullet, a number or a box to tick. With `columns`, items are set in rows of that many
   * (left to right), each row kept whole; a single column flows over pages like a paragraph.
   */
  list(items: readonly Content[], opts: ListOptions = {}): void {
    const size = opts.size ?? this.fontSize;
    const marker = MARKERS[opts.marker ?? "bullet"];
    const indent = opts.indent ?? 0;
    const columns = Math.max(1, Math.min(opts.columns ?? 1, items.length));
    const columnWidth = (this.contentWidth - indent) / columns;
    const gutter = Math.max(...items.map((_, i) => this.measure(marker(i), "regular", size))) + size * 0.6;
    const lh = this.lineHeight(size);
    const drawMarker = (i: number, x: number) =>
      this.drawLines([{ fragments: [{ text: marker(i), style: "regular", x: 0, width: 0 }], width: 0 }], x, this.y, {
        size,
        color: opts.color,
      });
    for (let first = 0; first < items.length; first += columns) {
      const row = items.slice(first, first + columns).map((item) => this.layout(item, columnWidth - gutter - size * 0.5, size));
      if (columns === 1) {
        const lines = row[0] ?? [];
        this.ensureRoom(Math.min(lines.length, 2) * lh);
        drawMarker(first, this.margin + indent);
        this.flowLines(lines, this.margin + indent + gutter, { size, color: opts.color });
      } else {
        const height = Math.max(...row.map((lines) => lines.length)) * lh;
        this.ensureRoom(height);
        row.forEach((lines, k) => {
          const x = this.margin + indent + k * columnWidth;
          drawMarker(first + k, x);
          this.drawLines(lines, x + gutter, this.y, { size, color: opts.color });
        });
        this.y -= height;
      }
      this.space(size * 0.2);
    }
    this.space(size * 0.3);
  }

  table(spec: TableSpec): void {
    drawTable(this, spec);
  }

  /** The current page and where its next block starts; for block drawers such as tables. */
  cursor(): { page: PDFPage; y: number; x: number } {
    return { page: this.page, y: this.y, x: this.margin };
  }

  advance(points: number): void {
    this.y -= points;
  }

  rule(color: string = COLORS.rule): void {
    this.ensureRoom(this.fontSize);
    this.page.drawLine({
      start: { x: this.margin, y: this.y - this.fontSize * 0.4 },
      end: { x: this.margin + this.contentWidth, y: this.y - this.fontSize * 0.4 },
      thickness: 0.6,
      color: hexColor(color),
    });
    this.y -= this.fontSize * 0.9;
  }

  async save(): Promise<Uint8Array> {
    const size = this.fontSize * 0.8;
    const pages = this.doc.getPages();
    pages.forEach((page, i) => {
      const y = this.margin - size;
      const right = `Page ${i + 1} / ${pages.length}`;
      const color = hexColor(COLORS.muted);
      if (this.options.footer) page.drawText(this.options.footer, { x: this.margin, y, size, font: this.fonts.regular, color });
      page.drawText(right, {
        x: this.size[0] - this.margin - this.measure(right, "regular", size),
        y,
        size,
        font: this.fonts.regular,
        color,
      });
    });
    return this.doc.save();
  }
}

export const PDF_COLORS = COLORS;
