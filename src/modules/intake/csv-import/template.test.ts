import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvHeader, csvRecordToSubmission, PRODUCTS, validateProductFields } from "../../catalogue/rules";
import { leadSubmissionSchema } from "../rules/lead-submission";
import { csvTemplate } from "./template";

const NOW = new Date("2026-11-21T09:15:00Z");

function readCsv(text: string): Record<string, string>[] {
  return parse(text, { delimiter: ";", columns: true, skip_empty_lines: true, bom: true });
}

describe("csvTemplate", () => {
  it("is a ';' CSV with the header and one example row in French formats", () => {
    const text = csvTemplate("credit-immobilier", NOW);
    const lines = text.split("\r\n");
    expect(lines[0]).toBe(`\uFEFF${csvHeader("credit-immobilier").join(";")}`);
    expect(lines[1]).toContain(";21/11/2026 09:15;"); // one hour before NOW, Paris time
    expect(lines[1]).toContain(";285 000;oui;Salarié(e) du privé;4 200;Moins de 6 mois");
    expect(lines[1]).toContain('"Mozilla/5.0 (Windows NT 10.0; Win64; x64)');
  });

  it.each(PRODUCTS.map((p) => p.slug))("round-trips %s: template row → submission → valid fields", (slug) => {
    const records = readCsv(csvTemplate(slug, NOW));
    expect(records).toHaveLength(1);
    const { submission, fieldErrors } = csvRecordToSubmission(slug, records[0] ?? {});
    expect(fieldErrors).toEqual([]);
    expect(leadSubmissionSchema.safeParse(submission).success).toBe(true);
    const result = validateProductFields(slug, submission.fields ?? {}, NOW);
    expect(result.reasons).toEqual([]);
    expect(result.ok).toBe(true);
    expect(submission.consent).toMatchObject({ method: "checkbox", prechecked: false, collectedAt: "2026-11-21T08:15:00.000Z" });
  });
});
