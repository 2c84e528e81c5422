import { Alert } from "../../ui/Alert";
import { CopyButton } from "../../ui/CopyButton";
import type { CreatedApiKey } from "./api";

/** The only time the secret exists in clear outside the supplier's systems. */
export function NewSecretPanel({ created, onDone }: { created: CreatedApiKey; onDone(): void }) {
  return (
    <section className="card secret-panel" aria-labelledby="secret-title">
      <h2 id="secret-title">Clé « {created.name} » créée</h2>
      <Alert kind="warning" title="Copiez cette clé maintenant : elle ne sera plus jamais affichée.">
        <p>Conservez-la dans un coffre-fort de secrets. En cas de perte, révoquez-la et créez-en une nouvelle.</p>
      </Alert>
      <div className="secret">
        <code className="secret__value" data-testid="api-key-secret">
          {created.secret}
        </code>
        <CopyButton text={created.secret} label="Copier la clé" />
      </div>
      <button type="button" className="button button--secondary" onClick={onDone}>
        J'ai copié la clé
      </button>
    </section>
  );
}
