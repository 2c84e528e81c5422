import { CopyButton } from "../../ui/CopyButton";
import { PageHeader } from "../../ui/PageHeader";
import { ErrorState, LoadingState } from "../../ui/States";
import { useEmbed } from "./api";

/** The supplier's hosted forms: its code, and for each product the form's address and the iframe to paste in a landing page. */
export function HostedFormsPage() {
  const embed = useEmbed();
  return (
    <>
      <PageHeader
        title="Formulaires hébergés"
        subtitle="Des formulaires courts, hébergés par LeadsAssurance : le consentement y est recueilli et prouvé par la plateforme elle-même (date, heure, IP, navigateur, page). Intégrez-les à vos pages par une iframe ; chaque demande vous est attribuée."
      />
      {embed.isPending && <LoadingState />}
      {embed.isError && <ErrorState error={embed.error} />}
      {embed.data && (
        <>
          <section className="card" aria-labelledby="code-title">
            <h2 id="code-title">Votre code apporteur</h2>
            <p>
              <code data-testid="supplier-code">{embed.data.code}</code> : il figure dans l'adresse de chaque formulaire (<code>?a=…</code>)
              et vous attribue les demandes. Les formulaires acceptent d'être intégrés par une page en https.
            </p>
          </section>
          <section className="card card--flush" aria-labelledby="forms-title">
            <h2 id="forms-title" className="card__pad">
              Formulaires par produit
            </h2>
            <ul className="embed-list">
              {embed.data.items.map((i) => (
                <li key={i.product} data-product={i.product}>
                  <strong>{i.label}</strong>
                  <div className="embed-actions">
                    <span className="muted">Demande :</span>
                    <a href={i.url} target="_blank" rel="noopener">
                      Ouvrir
                    </a>
                    <CopyButton text={i.snippet} label="Copier l'iframe" />
                  </div>
                  <div className="embed-actions">
                    <span className="muted">RDV qualifié :</span>
                    {i.rdvUrl && i.rdvSnippet ? (
                      <>
                        <a href={i.rdvUrl} target="_blank" rel="noopener" data-testid={`rdv-link-${i.product}`}>
                          Ouvrir
                        </a>
                        <CopyButton text={i.rdvSnippet} label="Copier l'iframe" />
                      </>
                    ) : (
                      <span className="muted">non proposé</span>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </>
  );
}
