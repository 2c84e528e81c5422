import type Fontkit from "@pdf-lib/fontkit";
import type * as PdfLib from "pdf-lib";

/**
 * pdf-lib and fontkit weigh about 45 MB of memory once loaded, for documents most processes make rarely or
 * never (an instance that only takes leads, a CSV import): loaded by the first document, then kept.
 */
let loading: Promise<void> | undefined;
let lib: typeof PdfLib | undefined;
let fontkit: typeof Fontkit | undefined;

export async function loadPdfLib(): Promise<{ lib: typeof PdfLib; fontkit: typeof Fontkit }> {
  loading ??= Promise.all([import("pdf-lib"), import("@pdf-lib/fontkit")]).then(([l, f]) => {
    lib = l;
    fontkit = f.default;
  });
  await loading;
  return { lib: lib as typeof PdfLib, fontkit: fontkit as typeof Fontkit };
}

/** pdf-lib itself, once a document has loaded it (every PdfWriter is created through loadPdfLib). */
export function pdfLib(): typeof PdfLib {
  if (!lib) throw new Error("pdf-lib is used before loadPdfLib()");
  return lib;
}
