import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

export interface PdfText {
  pages: string[];
  info: Record<string, unknown>;
}

/**
 * The text of each page as a reader's copy-paste would give it (pdf.js, Firefox's own reader): items
 * of one line joined, lines separated by "\n". Proves what a PDF says, not only that it was written.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js detaches the buffer it is given: hand it a copy so the caller can still use the bytes.
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str + (item.hasEOL ? "\n" : "");
      }
      pages.push(text);
    }
    const { info } = await pdf.getMetadata();
    return { pages, info: info as Record<string, unknown> };
  } finally {
    await pdf.destroy();
  }
}
