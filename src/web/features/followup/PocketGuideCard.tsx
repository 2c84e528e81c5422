import { GUIDE_AUDIENCE_LABELS, GUIDE_AUDIENCES } from "../../../modules/followup/rules/pocket-guide";
import { Icon } from "../../ui/Icon";

/** The generic pocket guides, one per kind of client, to print for the team (agency and advisor left blank). */
export function PocketGuideCard() {
  return (
    <section className="card" aria-labelledby="pocket-guide-title">
      <h2 id="pocket-guide-title">Guide de poche de l'appel</h2>
      <p className="muted">
        L'appel M+3 sur une ou deux pages A4, à garder sous les yeux : accroche, question d'autorisation, check-lists, question magique,
        rebonds selon le profil et critères de victoire.
      </p>
      <div className="inline-list">
        {GUIDE_AUDIENCES.map((audience) => (
          <a
            key={audience}
            className="button button--secondary button--small"
            href={`/api/v1/followups/pocket-guide.pdf?audience=${audience}`}
            target="_blank"
            rel="noopener"
          >
            <Icon name="file" size={16} /> {audience === "tns" ? "TNS" : GUIDE_AUDIENCE_LABELS[audience]}
          </a>
        ))}
      </div>
    </section>
  );
}
