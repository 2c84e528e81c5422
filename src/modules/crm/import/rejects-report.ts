import { and, eq } from "drizzle-orm";
import { csvText } from "../../../lib/csv";
import type { DbOrTx } from "../../../platform/db/client";
import { notFound } from "../../../platform/errors";
import { crmImports } from "../schema";

const REPORT_COLUMNS = ["ligne", "motifs_rejet"];

/**
 * The rejected rows as sent, with their reasons, for French Excel (UTF-8 BOM, ";", CRLF). The
 * columns are the file's own, so the corrected file can be imported again as it is.
 */
export async function crmRejectsReport(db: DbOrTx, orgId: string, importId: string) {
  const [row] = await db
    .select({ filename: crmImports.filename, columns: crmImports.columns, report: crmImports.report })
    .from(crmImports)
    .where(and(eq(crmImports.id, importId), eq(crmImports.orgId, orgId)))
    .limit(1);
  if (!row) throw notFound("Import");
  // A corrected report sent back keeps our two columns: they are not repeated in its own report.
  const columns = row.columns.filter((c) => !REPORT_COLUMNS.includes(c));
  const lines = [...row.report].sort((a, b) => a.line - b.line);
  const csv = csvText([
    ["ligne", ...columns, "motifs_rejet"],
    ...lines.map((r) => [String(r.line), ...columns.map((c) => r.record[c] ?? ""), r.reasons.join(" | ")]),
  ]);
  return { csv, filename: `rejets-${row.filename.replace(/\.csv$/i, "")}.csv` };
}
