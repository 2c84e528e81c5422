import { pdfLib } from "./pdf-lib";

/** "#1d4ed8" → pdf-lib colour. */
export function hexColor(hex: string) {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  return pdfLib().rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
}
