import { type FormEvent, useState } from "react";
import { errorMessage } from "../../api/client";
import { Alert } from "../../ui/Alert";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Field } from "../../ui/Field";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { useToast } from "../../ui/Toasts";
import { ApiKeysTable } from "./ApiKeysTable";
import { type ApiKey, type CreatedApiKey, useApiKeys, useCreateApiKey, useRevokeApiKey } from "./api";
import { CurlExample } from "./CurlExample";
import { NewSecretPanel } from "./NewSecretPanel";

export function ApiKeysPage() {
  const keys = useApiKeys();
  const create = useCreateApiKey();
  const revoke = useRevokeApiKey();
  const toast = useToast();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [toRevoke, setToRevoke] = useState<ApiKey | null>(null);

  function onCreate(e: FormEvent) {
    e.preventDefault();
    create.mutate(name.trim(), {
      onSuccess: (key) => {
        setCreated(key);
        setName("");
      },
    });
  }

  function confirmRevoke() {
    if (!toRevoke) return;
    const key = toRevoke;
    revoke.mutate(key.id, {
      onSuccess: () => {
        toast.success(`Clé « ${key.name} » révoquée.`);
        setToRevoke(null);
      },
      onError: (err) => toast.error(errorMessage(err)),
    });
  }

  return (
    <>
      <PageHeader
        title="Clés API"
        subtitle="Vos systèmes envoient des leads avec une clé API. Une clé révoquée cesse aussitôt de fonctionner."
        actions={
          <a className="button button--secondary" href="/docs" target="_blank" rel="noopener">
            <Icon name="book" />
            Documentation de l'API
          </a>
        }
      />
      {created && <NewSecretPanel created={created} onDone={() => setCreated(null)} />}
      <section className="card" aria-labelledby="new-key-title">
        <h2 id="new-key-title">Créer une clé</h2>
        {create.isError && (
          <Alert kind="error">
            <p>{errorMessage(create.error)}</p>
          </Alert>
        )}
        <form className="inline-form" onSubmit={onCreate} noValidate>
          <Field
            id="api-key-name"
            label="Nom de la clé"
            hint="Pour la reconnaître : le site ou l'outil qui l'utilise (ex. « Site comparateur — production »)"
          >
            {(c) => <input {...c} className="input" type="text" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <button type="submit" className="button button--primary" disabled={!name.trim() || create.isPending}>
            <Icon name="key" />
            {create.isPending ? "Création…" : "Créer la clé"}
          </button>
        </form>
      </section>
      <section className="card card--flush" aria-labelledby="keys-title">
        <h2 id="keys-title" className="card__pad card__heading">
          Mes clés
        </h2>
        {keys.isPending ? (
          <LoadingState />
        ) : keys.isError ? (
          <div className="card__pad">
            <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
          </div>
        ) : keys.data.length === 0 ? (
          <EmptyState icon="key" title="Aucune clé API." />
        ) : (
          <ApiKeysTable keys={keys.data} onRevoke={setToRevoke} />
        )}
      </section>
      <CurlExample />
      <ConfirmDialog
        open={toRevoke !== null}
        title="Révoquer cette clé ?"
        confirmLabel="Révoquer définitivement"
        danger
        busy={revoke.isPending}
        onConfirm={confirmRevoke}
        onCancel={() => setToRevoke(null)}
      >
        <p>
          La clé <strong>« {toRevoke?.name} »</strong> ({toRevoke?.prefix}…) sera refusée dès maintenant. Les systèmes qui l'utilisent ne
          pourront plus envoyer de leads. Cette action est irréversible.
        </p>
      </ConfirmDialog>
    </>
  );
}
