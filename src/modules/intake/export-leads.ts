import { and, desc, sql } from "drizzle-orm";
import { csvWriter } from "../../lib/csv-writer";
import type { DbOrTx } from "../../platform/db/client";
import { productBySlug } from "../catalogue/rules";
import { LEAD_CONTACT_CSV_COLUMNS, leadContactCells } from "./lead-contact";
import { type LeadFilters, leadConditions, leadSummaryColumns } from "./list-leads";
import { leads } from "./schema";

const PAGE = 2_000;
const parisTime = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "medium" });

/**
 * The filtered leads as a CSV for French Excel (UTF-8 BOM, `;`), streamed page by page so a large
 * export never sits whole in memory.
 */
export function exportLeadsCsv(db: DbOrTx, orgId: string, f: LeadFilters) {
  const csv = csvWriter({
    columns: ["id", "date", "produit", "statut", "motifs", "canal", "ref_externe", ...LEAD_CONTACT_CSV_COLUMNS],
  });
  (async () => {
    let before: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const where = before
        ? and(leadConditions(orgId, f), sql`(${leads.createdAt}, ${leads.id}) < (${before.createdAt}, ${before.id})`)
        : leadConditions(orgId, f);
      const rows = await db.select(leadSummaryColumns).from(leads).where(where).orderBy(desc(leads.createdAt), desc(leads.id)).limit(PAGE);
      for (const r of rows) {
        const ok = csv.write([
          r.id,
          parisTime.format(r.createdAt),
          productBySlug(r.product)?.label ?? r.product,
          r.status === "accepted" ? "accepté" : "rejeté",
          r.reasons.map((x) => x.message).join(" | "),
          r.channel,
          r.externalRef ?? "",
          ...leadContactCells(r),
        ]);
        if (!ok) await new Promise((resolve) => csv.once("drain", resolve));
      }
      const last = rows.at(-1);
      if (rows.length < PAGE || !last) break;
      before = { createdAt: last.createdAt, id: last.id };
    }
    csv.end();
  })().catch((e) => csv.destroy(e));
  return csv;
}
