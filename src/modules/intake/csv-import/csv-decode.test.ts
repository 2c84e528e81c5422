import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CsvDecoder, detectDelimiter } from "../../../lib/csv-decode";
import { isBlankRow, missingColumns, readHeader, recordOf } from "./columns";

function decodeInChunks(bytes: Buffer, chunkSize: number) {
  const decoder = new CsvDecoder();
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) out.push(decoder.write(bytes.subarray(i, i + chunkSize)));
  out.push(decoder.end());
  return { text: Buffer.concat(out).toString("utf8"), encoding: decoder.encoding };
}

const FRENCH = "prénom;ville\nHélène;Béziers (Hérault)\nFrançois;Saint-Étienne – Célibataire\n";

describe("CsvDecoder", () => {
  it("passes UTF-8 through, even with every character cut across chunks", () => {
    for (const size of [1, 2, 3, 7, 64 * 1024]) {
      expect(decodeInChunks(Buffer.from(FRENCH, "utf8"), size)).toEqual({ text: FRENCH, encoding: "utf-8" });
    }
  });

  it("keeps a UTF-8 BOM for the parser to drop", () => {
    expect(decodeInChunks(Buffer.from(`\uFEFF${FRENCH}`, "utf8"), 2)).toEqual({ text: `\uFEFF${FRENCH}`, encoding: "utf-8" });
  });

  it("recognises Windows-1252, byte by byte too", () => {
    const cp1252 = iconv.encode(`${FRENCH}Prix : 12 €\n`, "windows-1252");
    for (const size of [1, 5, 1024])
      expect(decodeInChunks(cp1252, size)).toEqual({ text: `${FRENCH}Prix : 12 €\n`, encoding: "windows-1252" });
  });

  it("decides on the first accent, however far into the file", () => {
    const text = `${"nom;ville\n".repeat(20_000)}Lefèvre;Nîmes\n`;
    expect(decodeInChunks(iconv.encode(text, "windows-1252"), 16 * 1024)).toEqual({ text, encoding: "windows-1252" });
    expect(decodeInChunks(Buffer.from(text, "utf8"), 16 * 1024)).toEqual({ text, encoding: "utf-8" });
  });

  it("reads UTF-16 with a BOM (Excel's « Texte Unicode »)", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FRENCH, "utf16le")]);
    expect(decodeInChunks(le, 3)).toEqual({ text: FRENCH, encoding: "utf-16le" });
  });

  it("reads every byte as a character: none becomes U+FFFD", () => {
    // The five bytes Windows-1252 leaves undefined are the C1 controls of the same number (WHATWG).
    const undefinedBytes = Buffer.from([0xe9, 0x3b, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x80, 0x0a]);
    expect(decodeInChunks(undefinedBytes, 4)).toEqual({ text: "é;\u0081\u008d\u008f\u0090\u009d€\n", encoding: "windows-1252" });
    // A UTF-8 file with Windows-1252 rows pasted in past its first chunk: those bytes are read as Windows-1252.
    const mixed = Buffer.concat([Buffer.from(FRENCH.repeat(500), "utf8"), iconv.encode("Lefèvre;Nîmes – Hérault\n", "windows-1252")]);
    for (const size of [1, 7, 16 * 1024])
      expect(decodeInChunks(mixed, size)).toEqual({ text: `${FRENCH.repeat(500)}Lefèvre;Nîmes – Hérault\n`, encoding: "utf-8" });
  });

  it("treats a pure ASCII or tiny file as UTF-8", () => {
    expect(decodeInChunks(Buffer.from("a;b\n"), 1)).toEqual({ text: "a;b\n", encoding: "utf-8" });
    expect(decodeInChunks(Buffer.from([0xe9]), 1)).toEqual({ text: "é", encoding: "windows-1252" });
    expect(decodeInChunks(Buffer.alloc(0), 1)).toEqual({ text: "", encoding: "utf-8" });
  });
});

describe("detectDelimiter", () => {
  it("picks the separator of the header line, ignoring quoted text", () => {
    expect(detectDelimiter("prenom;nom;ville\n1,2;3,4")).toBe(";");
    expect(detectDelimiter('"nom; prénom",ville,cp\r\n')).toBe(",");
    expect(detectDelimiter("prenom\tnom\tville")).toBe("\t");
    expect(detectDelimiter("prenom")).toBe(";");
  });
});

describe("columns", () => {
  it("names blank headers, makes duplicates unique and strips the BOM", () => {
    expect(readHeader(["\uFEFFnom ", "nom", "", "ville"]).names).toEqual(["nom", "nom (2)", "colonne_3", "ville"]);
  });

  it("keeps cells beyond the header and skips empty unnamed ones", () => {
    const columns = readHeader(["nom", "", "ville"]);
    expect(recordOf(columns, ["Martin", "", "Lyon", "", "bonus"])).toEqual({ nom: "Martin", ville: "Lyon", colonne_5: "bonus" });
    expect(recordOf(columns, ["Martin"])).toEqual({ nom: "Martin", ville: "" });
    expect(isBlankRow(["", " ", ""])).toBe(true);
  });

  it("accepts aliases for required columns and names what is missing", () => {
    const header = readHeader([
      "Prénom",
      "Nom",
      "Tel",
      "Courriel",
      "Code postal",
      "Commune",
      "method",
      "textVersion",
      "collectedAt",
      "typeAnimal",
      "race",
      "age",
    ]);
    expect(missingColumns("assurance-animaux", header)).toEqual(["identifie"]);
  });
});
