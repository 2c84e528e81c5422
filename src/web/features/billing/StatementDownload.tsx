import { useState } from "react";
import { monthLabel, recentMonths } from "../../../modules/billing/rules/statement-month";
import { SelectField } from "../../ui/SelectField";

const MONTHS_OFFERED = 12;

/**
 * The monthly statement of credits, for this month or one of the eleven before it: the accountant asks
 * for last month's once it has ended, which "this month" alone never gave.
 */
export function StatementDownload({ now = new Date() }: { now?: Date }) {
  const months = recentMonths(now, MONTHS_OFFERED).map((value) => ({ value, label: monthLabel(value) }));
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
