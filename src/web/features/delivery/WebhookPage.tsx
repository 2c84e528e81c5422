import { type FormEvent, useEffect, useState } from "react";
import { DELIVERY_EVENT_LABELS, DELIVERY_STATUS_LABELS } from "../../../modules/delivery/rules/vocabulary";
import { errorMessage, fieldErrors } from "../../api/client";
import { Alert } from "../../ui/Alert";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { CopyButton } from "../../ui/CopyButton";
import { Field } from "../../ui/Field";
import { formatDateTime } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { actionsColumn, type Column, Table } from "../../ui/Table";
import { useToast } from "../../ui/Toasts";
import {
  type Delivery,
  type SentDelivery,
  useDeliveries,
  useRegenerateSecret,
  useReplay,
  useSaveWebhook,
  useSendTest,
  useWebhook,
} from "./api";
import "./delivery.css";

const STATUS_CLASS: Record<Delivery["status"], string> = {
  pending: "badge badge--warning",
  succeeded: "badge badge--success",
  failed: "badge badge--danger",
};

/** "Webhook": where the brokerage's own tools receive its leads, signed; the delivery log, replay and test. */
export function WebhookPage() {
  const webhook = useWebhook();
  const save = useSaveWebhook();
  const regenerate = useRegenerateSecret();
  const test = useSendTest();
  const toast = useToast();
  const [url, setUrl] = useState("");
  const [enabled, setEnabled] = useState(true);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirmRegenerate, setConfirmRegenerate] = useState(false);
  const configured = Boolean(webhook.data);
  const deliveries = useDeliveries(configured);

  useEffect(() => {
    if (webhook.data) {
      setUrl(webhook.data.url);
      setEnabled(webhook.data.enabled);
    }
  }, [webhook.data]);

  function onSave(e: FormEvent) {
    e.preventDefault();
    save.mutate(
      { url: url.trim(), enabled },
      {
        onSuccess: (saved) => {
          if (saved.secret) setSecret(saved.secret);
          toast.success("Webhook enregistré.");
        },
      },
    );
  }

  function onRegenerate() {
    regenerate.mutate(undefined, {
      onSuccess: (saved) => {
        setSecret(saved.secret);
        setConfirmRegenerate(false);
      },
      onError: (err) => toast.error(errorMessage(err)),
    });
  }

  function onTest() {
    test.mutate(undefined, {
      onSuccess: (sent) => (sent.outcome?.status === "succeeded" ? toast.success(outcomeText(sent)) : toast.error(outcomeText(sent))),
      onError: (err) => toast.error(errorMessage(err)),
    });
  }

  const urlError = save.isError ? fieldErrors(save.error).url : undefined;

  return (
    <>
      <PageHeader
        title="Webhook"
        subtitle="Recevez chaque nouveau lead ou RDV directement dans votre CRM : nous envoyons une requête HTTPS signée à l'adresse de votre choix."
      />
      {secret && (
        <section className="card secret-panel" aria-labelledby="secret-title">
          <h2 id="secret-title">Secret de signature</h2>
          <Alert kind="warning" title="Copiez ce secret maintenant : il ne sera plus jamais affiché.">
            <p>Votre serveur s'en sert pour vérifier que chaque requête vient bien de LeadsAssurance. En cas de perte, régénérez-le.</p>
          </Alert>
          <div className="secret">
            <code className="secret__value" data-testid="webhook-secret">
              {secret}
            </code>
            <CopyButton text={secret} label="Copier le secret" />
          </div>
          <button type="button" className="button button--secondary" onClick={() => setSecret(null)}>
            J'ai copié le secret
          </button>
        </section>
      )}
      <section className="card" aria-labelledby="webhook-title">
        <h2 id="webhook-title">Adresse de réception</h2>
        {webhook.isPending ? (
          <LoadingState />
        ) : webhook.isError ? (
          <ErrorState error={webhook.error} onRetry={() => webhook.refetch()} />
        ) : (
          <>
            {save.isError && !urlError && (
              <Alert kind="error">
                <p>{errorMessage(save.error)}</p>
              </Alert>
            )}
            <form className="webhook-form" onSubmit={onSave} noValidate>
              <Field
                id="webhook-url"
                label="URL du webhook"
                required
                error={urlError}
                hint="Une adresse https:// de votre serveur ou de votre CRM (Zapier, Make, HubSpot…)."
              >
                {(c) => (
                  <input
                    {...c}
                    className="input"
                    type="url"
                    inputMode="url"
                    maxLength={2000}
                    placeholder="https://crm.mon-cabinet.fr/webhooks/leads"
                    value={url}
                    onChange={(e) => setUrl(e.target.value)}
                  />
                )}
              </Field>
              <button type="submit" className="button button--primary" disabled={!url.trim() || save.isPending}>
                {save.isPending ? "Enregistrement…" : "Enregistrer"}
              </button>
            </form>
            <label className="checkbox">
              <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> Envoyer les nouveaux leads à cette
              adresse
            </label>
            {webhook.data && (
              <>
                <p className="muted">
                  Secret actuel : <code>{webhook.data.secretHint}</code>, créé le {formatDateTime(webhook.data.secretCreatedAt)}.
                  {!webhook.data.enabled && " Envoi désactivé : les nouveaux leads ne sont pas transmis."}
                </p>
                <div className="webhook-actions">
                  <button type="button" className="button button--secondary" onClick={onTest} disabled={test.isPending}>
                    <Icon name="upload" />
                    {test.isPending ? "Envoi…" : "Envoyer un test"}
                  </button>
                  <button type="button" className="button button--ghost" onClick={() => setConfirmRegenerate(true)}>
                    <Icon name="key" />
                    Régénérer le secret
                  </button>
                </div>
              </>
            )}
          </>
        )}
      </section>
      {configured && <DeliveryLog deliveries={deliveries} />}
      <SignatureHelp />
      <ConfirmDialog
        open={confirmRegenerate}
        title="Régénérer le secret ?"
        confirmLabel="Régénérer"
        danger
        busy={regenerate.isPending}
        onConfirm={onRegenerate}
        onCancel={() => setConfirmRegenerate(false)}
      >
        <p>L'ancien secret cesse aussitôt de signer : mettez à jour votre serveur avec le nouveau, sinon il refusera nos requêtes.</p>
      </ConfirmDialog>
    </>
  );
}

function outcomeText(sent: SentDelivery): string {
  const o = sent.outcome;
  if (!o) return "Test envoyé.";
  if (o.status === "succeeded") return `Test reçu : HTTP ${o.statusCode} en ${o.durationMs} ms.`;
  return `Échec du test : ${o.error ?? `HTTP ${o.statusCode}`}. Nouvel essai automatique dans 1 minute.`;
}

const COLUMNS: Column<Delivery>[] = [
  {
    key: "date",
    header: "Date",
    cell: (d) => (
      <>
        <span className="table__primary">{formatDateTime(d.createdAt)}</span>
        <span className="table__secondary">
          {DELIVERY_EVENT_LABELS[d.event]}
          {d.replayOf && " · Renvoi"}
        </span>
      </>
    ),
  },
  {
    key: "status",
    header: "Statut",
    cell: (d) => {
      const last = d.log.at(-1);
      return (
        <>
          <span className={STATUS_CLASS[d.status]}>{DELIVERY_STATUS_LABELS[d.status]}</span>
          <span className="table__secondary webhook-log__narrow">
            {d.lastStatusCode ? `HTTP ${d.lastStatusCode}` : ""}
            {last ? ` · ${last.durationMs} ms · ${d.attempts} essai${d.attempts > 1 ? "s" : ""}` : ""}
          </span>
          {d.status === "pending" && d.nextAttemptAt && (
            <span className="table__secondary">Prochain essai {formatDateTime(d.nextAttemptAt)}</span>
          )}
          {d.lastError && d.status !== "succeeded" && <span className="table__secondary">{d.lastError}</span>}
        </>
      );
    },
  },
  { key: "code", header: "Code HTTP", className: "num webhook-log__wide", cell: (d) => d.lastStatusCode ?? "—" },
  {
    key: "duration",
    header: "Durée",
    className: "num webhook-log__wide",
    cell: (d) => {
      const last = d.log.at(-1);
      return last ? `${last.durationMs} ms` : "—";
    },
  },
  { key: "attempts", header: "Essais", className: "num webhook-log__wide", cell: (d) => d.attempts },
];

/** A delivery unfolded: where it went, each attempt, and the body sent (or when it was erased). */
function DeliveryDetails({ delivery: d, colSpan }: { delivery: Delivery; colSpan: number }) {
  return (
    <tr className="webhook-log__details" data-testid="delivery-details">
      <td colSpan={colSpan}>
        <p className="webhook-log__url">Envoyé à {d.url}</p>
        <ol className="webhook-log__attempts">
          {d.log.map((a) => (
            <li key={a.attempt}>
              {formatDateTime(a.startedAt)} — {a.statusCode ? `HTTP ${a.statusCode}` : (a.error ?? "—")} en {a.durationMs} ms
            </li>
          ))}
        </ol>
        {d.bodyPurgedAt ? (
          <p className="muted">
            Contenu effacé le {formatDateTime(d.bodyPurgedAt)} : les coordonnées du prospect ne sont conservées que 30 jours après la
            livraison (le lead reste dans votre espace).
          </p>
        ) : (
          <pre className="webhook-log__body">{pretty(d.body)}</pre>
        )}
      </td>
    </tr>
  );
}

function DeliveryLog({ deliveries }: { deliveries: ReturnType<typeof useDeliveries> }) {
  const replay = useReplay();
  const toast = useToast();
  const [shown, setShown] = useState<string | null>(null);

  function onReplay(d: Delivery) {
    replay.mutate(d.id, {
      onSuccess: (sent) =>
        sent.outcome?.status === "succeeded" ? toast.success(`Renvoyé : HTTP ${sent.outcome.statusCode}.`) : toast.error(outcomeText(sent)),
      onError: (err) => toast.error(errorMessage(err)),
    });
  }

  const columns: Column<Delivery>[] = [
    ...COLUMNS,
    actionsColumn(
      (d) => (
        <>
          <button
            type="button"
            className="button button--ghost button--small"
            aria-expanded={shown === d.id}
            onClick={() => setShown(shown === d.id ? null : d.id)}
          >
            {shown === d.id ? "Masquer" : "Détails"}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => onReplay(d)}
            disabled={replay.isPending || d.bodyPurgedAt !== null}
            title={d.bodyPurgedAt ? "Contenu effacé après 30 jours : la livraison ne peut plus être renvoyée" : undefined}
            aria-label={`Renvoyer la livraison du ${formatDateTime(d.createdAt)}`}
          >
            <Icon name="refresh" size={14} />
            Renvoyer
          </button>
        </>
      ),
      { className: "actions webhook-log__actions" },
    ),
  ];

  return (
    <section className="card card--flush webhook-log" aria-labelledby="log-title">
      <h2 id="log-title" className="card__pad card__heading">
        Journal des livraisons
      </h2>
      {deliveries.isPending ? (
        <LoadingState />
      ) : deliveries.isError ? (
        <div className="card__pad">
          <ErrorState error={deliveries.error} onRetry={() => deliveries.refetch()} />
        </div>
      ) : deliveries.data.length === 0 ? (
        <EmptyState icon="list" title="Aucune livraison pour l'instant.">
          <p>Envoyez un test pour vérifier votre serveur.</p>
        </EmptyState>
      ) : (
        <Table
          rows={deliveries.data}
          columns={columns}
          rowKey={(d) => d.id}
          rowData={() => ({ "data-testid": "delivery-row" })}
          rowDetail={(d) => shown === d.id && <DeliveryDetails delivery={d} colSpan={columns.length} />}
        />
      )}
    </section>
  );
}

function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** How the broker's server checks a request: the same scheme as Stripe's. */
function SignatureHelp() {
  return (
    <section className="card webhook-doc" aria-labelledby="doc-title">
      <h2 id="doc-title">Vérifier la signature</h2>
      <p>
        Chaque requête porte l'en-tête <code>X-LeadsAssurance-Signature: t=&lt;horodatage&gt;,v1=&lt;signature&gt;</code>. La signature est
        le HMAC-SHA256, en hexadécimal, de <code>horodatage + "." + corps brut</code> avec votre secret. Refusez une requête dont
        l'horodatage a plus de 5 minutes. L'en-tête <code>X-LeadsAssurance-Delivery</code> identifie la livraison : une même livraison peut
        arriver deux fois, ignorez le doublon.
      </p>
      <p>Répondez par un code 2xx en moins de 10 secondes. Sinon, nous réessayons après 1 min, 5 min, 30 min, 2 h puis 12 h.</p>
      <pre>{`// Node.js
const [t, v1] = header.split(",").map((p) => p.split("=")[1]);
const expected = crypto.createHmac("sha256", secret).update(t + "." + rawBody).digest("hex");
const ok = crypto.timingSafeEqual(Buffer.from(v1, "hex"), Buffer.from(expected, "hex"))
  && Math.abs(Date.now() / 1000 - Number(t)) < 300;`}</pre>
    </section>
  );
}
