import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvText, neutralizeCell, restoreCell } from "./csv";

const FORMULA_STARTS = ["=", "+", "-", "@", "\t", "\r"];

describe("CSV cells a spreadsheet would run", () => {
  it("get a leading apostrophe, whatever formula character they start with", () => {
    expect(neutralizeCell("=cmd|' /C calc'!A0")).toBe("'=cmd|' /C calc'!A0");
    for (const c of FORMULA_STARTS)
      expect(neutralizeCell(`${c}HYPERLINK("http://x")`), JSON.stringify(c)).toBe(`'${c}HYPERLINK("http://x")`);
    for (const safe of ["Durand", "06 12 34 56 78", "", "a=b", " =1", "'quoted"]) expect(neutralizeCell(safe)).toBe(safe);
  });

  it("read back, are the cell as it was sent, apostrophes of its own included", () => {
    for (const value of ["=1+1", "+33612345678", "-2+3", "@SUM(A1)", "\tx", "'=x", "''@y", "'plain", "plain", ""])
      expect(restoreCell(neutralizeCell(value)), JSON.stringify(value)).toBe(value);
  });

  it("are written in French Excel's dialect: BOM, ';', CRLF, quoted when needed", () => {
    const text = csvText([
      ["nom", "note"],
      ["=cmd|' /C calc'!A0", 'un "avis"; deux'],
      ["Durand", -12.5],
    ]);
    expect(text).toBe(`\uFEFFnom;note\r\n'=cmd|' /C calc'!A0;"un ""avis""; deux"\r\nDurand;-12.5\r\n`);
    const [, row] = parse(text, { delimiter: ";", bom: true }) as string[][];
    expect(row?.map(restoreCell)).toEqual(["=cmd|' /C calc'!A0", 'un "avis"; deux']);
  });
});
