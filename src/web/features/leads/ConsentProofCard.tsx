import { Alert } from "../../ui/Alert";
import { DataList, type DataRow } from "../../ui/DataList";
import { formatDate, formatParisSeconds } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import type { ConsentProof } from "./types";

function sourceRows(proof: ConsentProof): DataRow[] {
  if (proof.method === "oral") {
    return [
      { label: "Centre d'appels", value: proof.callCenter },
      { label: "Téléconseiller", value: proof.agent },
      { label: "Référence d'enregistrement", value: proof.recordingRef },
    ];
  }
  return [
    { label: "Adresse IP", value: proof.ip && <code>{proof.ip}</code> },
    { label: "User-agent", value: proof.userAgent && <code className="wrap-anywhere">{proof.userAgent}</code>, wide: true },
    {
      label: "URL source",
      value: proof.sourceUrl && (
        <a href={proof.sourceUrl} target="_blank" rel="noopener noreferrer nofollow" className="wrap-anywhere">
          {proof.sourceUrl}
        </a>
      ),
      wide: true,
    },
  ];
}

export function ConsentProofCard({ proof }: { proof: ConsentProof }) {
  const rows: DataRow[] = [
    { label: "Méthode", value: proof.method === "oral" ? "Consentement oral (centre d'appels)" : "Case à cocher sur formulaire web" },
    {
      label: "Case à cocher",
      value:
        proof.method === "oral" ? "Sans objet" : proof.prechecked ? <span className="text-danger">Pré-cochée</span> : "Non pré-cochée ✔",
    },
    { label: "Recueilli le", value: formatParisSeconds(proof.collectedAt) },
    { label: "Enregistré le", value: formatParisSeconds(proof.recordedAt) },
    ...sourceRows(proof),
    { label: "Version du texte", value: proof.textVersion },
    { label: "SHA-256 du texte", value: <code className="wrap-anywhere">{proof.textSha256}</code>, wide: true },
  ];

  return (
    <section className="card proof" aria-labelledby="proof-title">
      <div className="card__title-row">
        <h2 id="proof-title">
          <Icon name="shield" className="heading-icon" /> Preuve de consentement
        </h2>
        {proof.fingerprintValid ? (
          <span className="badge badge--success">Empreinte vérifiée ✔</span>
        ) : (
          <span className="badge badge--danger">Empreinte non conforme</span>
        )}
      </div>
      {!proof.fingerprintValid && (
        <Alert kind="error" title="Attention : l'empreinte ne correspond plus aux données enregistrées">
          <p>
            Les données de ce lead ou de sa preuve ont été modifiées après leur enregistrement. Cette preuve ne doit pas être utilisée en
            l'état ; contactez le support LeadsAssurance.
          </p>
        </Alert>
      )}
      <DataList rows={rows} />
      <p className="small muted">Dates et heures en heure de Paris.</p>
      <div className="proof__fingerprint">
        <span className="proof__label">Empreinte (SHA-256)</span>
        <code className="wrap-anywhere">{proof.fingerprint}</code>
      </div>
      <details className="proof__text">
        <summary>
          Texte accepté : « {proof.text.title} » (version {proof.text.version}, publiée le {formatDate(proof.text.publishedAt)})
        </summary>
        <blockquote className="consent-text">{proof.text.body}</blockquote>
        {proof.text.partners.length > 0 && (
          <>
            <p className="proof__label">Partenaires</p>
            <ul className="plain-list">
              {proof.text.partners.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </>
        )}
        <p className="muted small">
          SHA-256 du texte publié : <code className="wrap-anywhere">{proof.text.sha256}</code>
        </p>
      </details>
    </section>
  );
}
