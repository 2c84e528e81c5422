import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { csvHeader } from "../../../shared/catalogue";
import { systemClock } from "../../../shared/clock";
import { csvTemplate } from "./template";

/**
 * Hand-made CSV files for the tests: the product template's example row, made unique per row, with
 * the cells a test wants changed. Test-only, not used by the server.
 */

let n = 0;

/** `now`: the app's clock (the system's unless the test handed the app another). */
export function templateRecord(product: string, consentVersion: string, now: Date = systemClock()): Record<string, string> {
  const [record] = parse(csvTemplate(product, now), { delimiter: ";", columns: true, bom: true }) as Record<string, string>[];
  if (!record) throw new Error("empty template");
  const i = ++n + Math.floor(Math.random() * 1e5) * 1000;
  // 061: a mainland block where every number is valid (parts of 063x and 069x are overseas, and stricter).
  const digits = String(i % 10_000_000).padStart(7, "0");
  return { ...record, consentement_version: consentVersion, telephone: `061${digits}`, email: `test.${i}@example.fr` };
}

export function csvOf(
  product: string,
  consentVersion: string,
  overrides: Record<string, string>[],
  opts: { delimiter?: string; columns?: string[] } = {},
): string {
  const columns = opts.columns ?? csvHeader(product);
  const rows = overrides.map((o) => ({ ...templateRecord(product, consentVersion), ...o }));
  return stringify(rows, { header: true, columns, delimiter: opts.delimiter ?? ";", record_delimiter: "windows" });
}
