import { useState } from "react";
import { SelectField } from "../../ui/SelectField";

const MONTHS_OFFERED = 12;

/**
 * The monthly statement of credits, for this month or one of the eleven before it: the accountant asks
 * for last month's once it has ended, which "this month" alone never gave.
 */
export function StatementDownload({ now = new Date() }: { now?: Date }) {
  const months = lastMonths(now, MONTHS_OFFERED);
  const [month, setMonth] = useState(months[0]?.value ?? "");
  return (
    <div className="billing-statement">
      <SelectField id="statement-month" label="Relevé mensuel" value={month} onChange={setMonth} options={months} />
      <a className="button button--secondary button--small" href={`/api/v1/billing/statements/${month}/pdf`}>
        Télécharger le relevé (PDF)
      </a>
    </div>
  );
}

/** This month in Paris and the `count - 1` before it, newest first: "2026-11" labelled "novembre 2026". */
function lastMonths(now: Date, count: number): { value: string; label: string }[] {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === "year")?.value);
  const month = Number(parts.find((p) => p.type === "month")?.value);
  const label = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
  return Array.from({ length: count }, (_, i) => {
    const first = new Date(Date.UTC(year, month - 1 - i, 1));
    return { value: `${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, "0")}`, label: label.format(first) };
  });
}
