import { formatTimestamp } from "../../ui/format";
import type { BrokerLeadSheet } from "./api";

/** Everything that happened to the lead, oldest first: reception, sale, statuses, calls, returns, deliveries, proof exports. */
export function LeadTimeline({ entries }: { entries: BrokerLeadSheet["timeline"] }) {
  return (
    <section className="card" aria-labelledby="bl-timeline-title">
      <h2 id="bl-timeline-title">Historique</h2>
      <ol className="timeline" data-testid="bl-timeline">
        {entries.map((e) => (
          <li key={`${e.at}-${e.label}`} className={`timeline__item timeline__item--${e.kind}`}>
            <span className="timeline__when">{formatTimestamp(e.at)}</span>
            <span className="timeline__what">
              {e.label}
              {e.detail && <span className="muted"> — {e.detail}</span>}
              {e.by && <span className="muted small"> ({e.by})</span>}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
