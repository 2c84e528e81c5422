import { SAMPLE_CONSENT, SAMPLE_CONTACT, sampleFieldValues } from "../../../modules/catalogue/rules";
import { isReinforcedTextVersion } from "../../../modules/consent/rules/text-kind";
import { useConsentTexts } from "../../api/consent-texts";
import { CopyButton } from "../../ui/CopyButton";
import { Icon } from "../../ui/Icon";

const EXAMPLE_PRODUCT = "credit-immobilier";

/** A working request, built from the catalogue's sample lead and the consent version in force. */
export function CurlExample() {
  const texts = useConsentTexts();
  const version = texts.data?.find((t) => !isReinforcedTextVersion(t.version))?.version ?? "VERSION_DU_TEXTE";
  const body = {
    product: EXAMPLE_PRODUCT,
    contact: SAMPLE_CONTACT,
    fields: sampleFieldValues(EXAMPLE_PRODUCT, new Date()),
    // An hour ago: a fixed date would one day precede the text version in force and be rejected.
    consent: {
      ...SAMPLE_CONSENT,
      textVersion: version,
      collectedAt: new Date(Date.now() - 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    },
    externalRef: "CMD-2026-000123",
  };
  const command = [
    `curl -X POST ${window.location.origin}/api/v1/leads \\`,
    `  -H "Authorization: Bearer VOTRE_CLE_API" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -H "Idempotency-Key: CMD-2026-000123" \\`,
    `  -d '${JSON.stringify(body, null, 2).replace(/'/g, "'\\''")}'`,
  ].join("\n");

  return (
    <section className="card" aria-labelledby="curl-title">
      <div className="card__title-row">
        <h2 id="curl-title">Envoyer un lead par l'API</h2>
        <CopyButton text={command} label="Copier la commande" />
      </div>
      <p>
        Chaque appel s'authentifie avec <code>Authorization: Bearer &lt;clé&gt;</code>. La réponse est <code>201</code> (lead accepté) ou{" "}
        <code>422</code> avec la liste complète des motifs de rejet.
      </p>
      <pre className="code-block code-block--wrap">{command}</pre>
      <p>
        <a href="/docs" target="_blank" rel="noopener" className="link-icon">
          <Icon name="book" size={16} />
          Documentation complète de l'API (OpenAPI)
        </a>
      </p>
    </section>
  );
}
