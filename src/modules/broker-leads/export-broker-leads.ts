import { sql } from "drizzle-orm";
import { csvWriter } from "../../lib/csv-writer";
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
  const csv = csvWriter({
    columns: ["id", "achete_le", "produit", "type", "canal", "prix_ht", "statut", "motif", "commentaire", ...LEAD_CONTACT_CSV_COLUMNS],
  });
  (async () => {
    let before: { soldAt: string; id: string } | undefined;
    for (;;) {
      const after = before ? sql` and (w.sold_at, w.lead_id) < (${before.soldAt}::timestamptz, ${before.id}::uuid)` : sql``;
      const rows = await rawRows<Row>(
        db,
        sql`select w.lead_id, w.sold_at, w.product, w.lead_type, w.channel, w.price_cents, w.status, w.lost_reason, w.note,
                   ${leadContactSelect}
              from lead_work w join leads l on l.id = w.lead_id
             where ${brokerLeadConditions(orgId, f)}${after}
             order by w.sold_at desc, w.lead_id desc limit ${PAGE}`,
      );
      for (const r of rows) {
        const ok = csv.write([
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
        ]);
        if (!ok) await new Promise((resolve) => csv.once("drain", resolve));
      }
      const last = rows.at(-1);
      if (rows.length < PAGE || !last) break;
      before = { soldAt: new Date(last.sold_at).toISOString(), id: last.lead_id };
    }
    csv.end();
  })().catch((e) => csv.destroy(e));
  return csv;
}
