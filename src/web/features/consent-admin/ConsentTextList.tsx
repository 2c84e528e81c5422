import { partnerCategoryLabel } from "../../../modules/brokers/rules/partner-categories";
import { isReinforcedTextVersion } from "../../../modules/consent/rules/text-kind";
import type { ConsentText } from "../../api/consent-texts";
import { formatTimestamp } from "../../ui/format";

export function ConsentTextList({ texts }: { texts: ConsentText[] }) {
  // The latest text of each kind is in force: the main consent, and the reinforced consent of RDV (decision 016).
  const inForce = new Set(
    [texts.find((t) => !isReinforcedTextVersion(t.version)), texts.find((t) => isReinforcedTextVersion(t.version))].map((t) => t?.id),
  );
  return (
    <ol className="version-list">
      {texts.map((t) => (
        <li key={t.id} className="version card">
          <div className="version__head">
            <div>
              <p className="version__name">
                Version <strong>{t.version}</strong>
                {isReinforcedTextVersion(t.version) && <span className="badge badge--info">Consentement renforcé RDV</span>}
                {inForce.has(t.id) && <span className="badge badge--success">En vigueur</span>}
              </p>
              <h3 className="version__title">{t.title}</h3>
            </div>
            <p className="version__date muted">Publiée le {formatTimestamp(t.publishedAt)}</p>
          </div>
          <dl className="datalist datalist--compact">
            <div className="datalist__row datalist__row--wide">
              <dt>SHA-256</dt>
              <dd>
                <code className="wrap-anywhere">{t.sha256}</code>
              </dd>
            </div>
            <div className="datalist__row datalist__row--wide">
              <dt>Partenaires</dt>
              <dd>
                <ul className="plain-list">
                  {t.partners.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              </dd>
            </div>
            <div className="datalist__row datalist__row--wide">
              <dt>Catégories de partenaires</dt>
              <dd>{(t.partnerCategories ?? []).length === 0 ? "Aucune" : t.partnerCategories.map(partnerCategoryLabel).join(" ; ")}</dd>
            </div>
          </dl>
          <details>
            <summary>Texte intégral</summary>
            <blockquote className="consent-text">{t.body}</blockquote>
          </details>
        </li>
      ))}
    </ol>
  );
}
