import { sql } from "drizzle-orm";
import { csvOfPages } from "../../lib/csv-writer";
import type { DbOrTx } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { productBySlug } from "../catalogue/rules";
import { LEAD_CONTACT_CSV_COLUMNS, type LeadContact, leadContactCells, leadContactSelect } from "../intake";
import { CHANNEL_LABELS, LEAD_TYPE_LABELS } from "../market/rules/sale-terms";
import type { BrokerLeadFilters } from "./api";
import { brokerLeadConditions } from "./list-broker-leads";
import { LOST_REASON_LABELS, WORK_STATUS_LABELS } from "./rules/work-status";

const PAGE = 2_000;
const parisTime = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short", timeStyle: "medium" });

interface Row extends LeadContact {
  lead_id: string;
  sold_at: Date | string;
  product: string;
  lead_type: "lead" | "rdv";
  channel: "exclusive" | "marketplace";
  price_cents: number;
  status: keyof typeof WORK_STATUS_LABELS;
  lost_reason: keyof typeof LOST_REASON_LABELS | null;
  note: string | null;
}

/**
 * The brokerage's filtered leads as a CSV for French Excel (UTF-8 BOM, `;`, formula cells neutralised by
 * the writer), streamed page by page with a keyset so a long history never sits whole in memory.
 */
export function exportBrokerLeadsCsv(db: DbOrTx, orgId: string, f: BrokerLeadFilters) {
  const columns = ["id", "achete_le", "produit", "type", "canal", "prix_ht", "statut", "motif", "commentaire", ...LEAD_CONTACT_CSV_COLUMNS];
  return csvOfPages<Row>(columns, {
    pageSize: PAGE,
    pageAfter: (last) => {
      const after = last
        ? sql` and (w.sold_at, w.lead_id) < (${new Date(last.sold_at).toISOString()}::timestamptz, ${last.lead_id}::uuid)`
        : sql``;
      return rawRows<Row>(
        db,
        sql`select w.lead_id, w.sold_at, w.product, w.lead_type, w.channel, w.price_cents, w.status, w.lost_reason, w.note,
                   ${leadContactSelect}
              from lead_work w join leads l on l.id = w.lead_id
             where ${brokerLeadConditions(orgId, f)}${after}
             order by w.sold_at desc, w.lead_id desc limit ${PAGE}`,
      );
    },
    cells: (r) => [
      r.lead_id,
      parisTime.format(new Date(r.sold_at)),
      productBySlug(r.product)?.label ?? r.product,
      LEAD_TYPE_LABELS[r.lead_type],
      CHANNEL_LABELS[r.channel],
      (r.price_cents / 100).toFixed(2).replace(".", ","),
      WORK_STATUS_LABELS[r.status],
      r.lost_reason ? LOST_REASON_LABELS[r.lost_reason] : "",
      r.note ?? "",
      ...leadContactCells(r),
    ],
  });
}
