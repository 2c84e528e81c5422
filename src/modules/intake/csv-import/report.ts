import { and, asc, eq, gt } from "drizzle-orm";
import { csvWriter } from "../../../lib/csv-writer";
import type { DbOrTx } from "../../../platform/db/client";
import { auditEvents } from "../../audit/schema";
import { csvHeader } from "../../catalogue/rules";
import { readLeadJson } from "../read-lead-json";
import { leads } from "../schema";
import { REPORT_COLUMNS } from "./columns";
import { getImport } from "./imports";

const PAGE = 2_000;

/**
 * The header as the supplier sent it, from the import's journal entry: the stored rows are JSON
 * objects, which do not keep column order. Imports without that entry fall back to the template order.
 */
async function columnsOf(db: DbOrTx, importId: string, product: string): Promise<string[]> {
  const [started] = await db
    .select({ data: auditEvents.data })
    .from(auditEvents)
    .where(and(eq(auditEvents.entityType, "csv_import"), eq(auditEvents.entityId, importId), eq(auditEvents.action, "csv_import.started")))
    .limit(1);
  const columns = (started?.data as { columns?: unknown } | undefined)?.columns;
  const sent = Array.isArray(columns) && columns.length > 0 ? columns.map(String) : csvHeader(product);
  return sent.filter((c) => !(REPORT_COLUMNS as readonly string[]).includes(c));
}

/**
 * The rejected rows of an import, as sent plus their reasons, for French Excel (UTF-8 BOM, ";").
 * Streamed page by page; once fixed, the file can be uploaded again as it is.
 */
export async function rejectedRowsReport(db: DbOrTx, orgId: string, importId: string) {
  const info = await getImport(db, orgId, importId);
  const columns = await columnsOf(db, importId, info.product);
  const csv = csvWriter();
  csv.write(["ligne", ...columns, "motifs_rejet", "codes_rejet"]);
  (async () => {
    let after = 0;
    for (;;) {
      const rows = await db
        .select({ row: leads.importRow, payload: leads.payload, payloadRaw: leads.payloadRaw, reasons: leads.reasons })
        .from(leads)
        .where(and(eq(leads.importId, importId), eq(leads.supplierOrgId, orgId), eq(leads.status, "rejected"), gt(leads.importRow, after)))
        .orderBy(asc(leads.importRow))
        .limit(PAGE);
      for (const r of rows) {
        // The row exactly as sent, even cells the payload could only hold as readable text (NUL).
        const record = ((r.payloadRaw ? readLeadJson(r.payloadRaw)?.value : r.payload) ?? {}) as Record<string, unknown>;
        const ok = csv.write([
          r.row ?? "",
          ...columns.map((c) => (typeof record[c] === "string" ? record[c] : "")),
          r.reasons.map((x) => x.message).join(" | "),
          r.reasons.map((x) => x.code).join(" | "),
        ]);
        if (!ok) await new Promise((resolve) => csv.once("drain", resolve));
      }
      const last = rows.at(-1);
      if (rows.length < PAGE || !last) break;
      after = last.row ?? after;
    }
    csv.end();
  })().catch((e) => csv.destroy(e));
  return { csv, filename: `rejets-${info.filename.replace(/\.csv$/i, "")}.csv` };
}
