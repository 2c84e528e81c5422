import { useState } from "react";
import { Alert } from "../../ui/Alert";
import { formatBytes, formatDateTime } from "../../ui/format";
import { ListCount } from "../../ui/ListCount";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { type OutboxItem, useOutbox, useOutboxMessage } from "./api";
import "./outbox.css";

/** The e-mails and SMS the organisation sent, as captured when no real SMTP / SMS provider is configured. */
export function OutboxPage() {
  const [channel, setChannel] = useState<"" | "email" | "sms">("");
  const [selected, setSelected] = useState<string | null>(null);
  const list = useOutbox(channel);
  return (
    <>
      <PageHeader
        title="Messages envoyés"
        subtitle="E-mails et SMS envoyés par l'application pour votre cabinet (cartes de contact, rappels d'actions)."
      />
      {list.data?.notice ? <Alert kind="info">{list.data.notice}</Alert> : null}
      <fieldset className="outbox-filters" aria-label="Canal">
        {(
          [
            ["", "Tous"],
            ["email", "E-mails"],
            ["sms", "SMS"],
          ] as const
        ).map(([value, label]) => (
          <button
            key={value}
            type="button"
            className={`button button--small ${channel === value ? "button--primary" : "button--secondary"}`}
            aria-pressed={channel === value}
            onClick={() => setChannel(value)}
          >
            {label}
          </button>
        ))}
      </fieldset>
      {list.isPending ? (
        <LoadingState label="Chargement des messages…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState icon="info" title="Aucun message pour l'instant">
          Les cartes de contact envoyées depuis un appel M+3 et les rappels d'actions apparaîtront ici.
        </EmptyState>
      ) : (
        <>
          <p className="outbox__count">
            <ListCount shown={list.data.items.length} total={list.data.total} one="message affiché" many="messages affichés" />
          </p>
          <div className="outbox">
            <ul className="card card--flush outbox__list" aria-label="Messages">
              {list.data.items.map((m) => (
                <MessageRow key={m.id} message={m} selected={m.id === selected} onSelect={() => setSelected(m.id)} />
              ))}
            </ul>
            <MessagePanel id={selected} />
          </div>
        </>
      )}
    </>
  );
}

function MessageRow({ message: m, selected, onSelect }: { message: OutboxItem; selected: boolean; onSelect: () => void }) {
  return (
    <li>
      <button type="button" className={`outbox__row ${selected ? "outbox__row--selected" : ""}`} onClick={onSelect} aria-current={selected}>
        <span className={`badge ${m.channel === "email" ? "badge--info" : "badge--success"}`}>
          {m.channel === "email" ? "E-mail" : "SMS"}
        </span>
        <span className="outbox__subject">
          {m.subject ??
            (m.channel === "sms" ? `SMS (${m.smsSegments ?? 1} segment${(m.smsSegments ?? 1) > 1 ? "s" : ""})` : "(sans objet)")}
        </span>
        <span className="outbox__meta">
          À {m.to} · {formatDateTime(m.receivedAt)}
          {m.attachmentCount > 0
            ? ` · ${m.attachmentCount} pièce${m.attachmentCount > 1 ? "s" : ""} jointe${m.attachmentCount > 1 ? "s" : ""}`
            : ""}
        </span>
      </button>
    </li>
  );
}

function MessagePanel({ id }: { id: string | null }) {
  const message = useOutboxMessage(id);
  if (id === null) return <p className="card card__pad muted outbox__panel">Choisissez un message pour le lire.</p>;
  if (message.isPending) return <LoadingState label="Chargement du message…" />;
  if (message.isError) return <ErrorState error={message.error} onRetry={() => message.refetch()} />;
  const m = message.data;
  return (
    <article className="card card__pad outbox__panel" aria-label="Message">
      <h2>{m.subject ?? (m.channel === "sms" ? "SMS" : "(sans objet)")}</h2>
      <dl className="outbox__headers">
        <dt>De</dt>
        <dd>{m.from}</dd>
        <dt>À</dt>
        <dd>{m.to}</dd>
        <dt>Envoyé le</dt>
        <dd>{formatDateTime(m.receivedAt)}</dd>
        {m.channel === "sms" ? (
          <>
            <dt>SMS</dt>
            <dd>
              {m.smsSegments} segment(s), encodage {m.smsEncoding}
            </dd>
          </>
        ) : null}
      </dl>
      <pre className="outbox__text">{m.text}</pre>
      {m.attachments.length > 0 ? (
        <>
          <h3>Pièces jointes</h3>
          <ul>
            {m.attachments.map((a) => (
              // A message's attachments are fixed once captured: name, type and size tell them apart.
              <li key={`${a.filename}|${a.contentType}|${a.size}`}>
                {a.filename ?? "sans nom"} — {a.contentType}, {formatBytes(a.size)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {m.hasRaw ? (
        <a className="button button--secondary button--small" href={`/api/v1/outbox/${m.id}/raw`}>
          Télécharger le message (.eml)
        </a>
      ) : null}
    </article>
  );
}
