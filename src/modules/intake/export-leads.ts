import { and, desc, sql } from "drizzle-orm";
import { csvOfPages } from "../../lib/csv-writer";
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
  return csvOfPages(["id", "date", "produit", "statut", "motifs", "canal", "ref_externe", ...LEAD_CONTACT_CSV_COLUMNS], {
    pageSize: PAGE,
    pageAfter: (last: { createdAt: Date; id: string } | undefined) =>
      db
        .select(leadSummaryColumns)
        .from(leads)
        .where(
          last
            ? and(leadConditions(orgId, f), sql`(${leads.createdAt}, ${leads.id}) < (${last.createdAt}, ${last.id})`)
            : leadConditions(orgId, f),
        )
        .orderBy(desc(leads.createdAt), desc(leads.id))
        .limit(PAGE),
    cells: (r) => [
      r.id,
      parisTime.format(r.createdAt),
      productBySlug(r.product)?.label ?? r.product,
      r.status === "accepted" ? "accepté" : "rejeté",
      r.reasons.map((x) => x.message).join(" | "),
      r.channel,
      r.externalRef ?? "",
      ...leadContactCells(r),
    ],
  });
}
