import { useState } from "react";
import { Link } from "react-router";
import { SUGGESTED_PRODUCT_LINE } from "../../../modules/broker-leads/rules/conversion";
import {
  LOST_REASON_LABELS,
  LOST_REASONS,
  type LostReason,
  NEXT_STATUSES,
  WORK_STATUS_LABELS,
} from "../../../modules/broker-leads/rules/work-status";
import { PRODUCT_LINES, type ProductLine } from "../../../modules/crm/rules/product-lines";
import { errorMessage, fieldErrors } from "../../api/client";
import { Field } from "../../ui/Field";
import { Form, FormActions } from "../../ui/FormActions";
import { formatTimestamp } from "../../ui/format";
import { useToast } from "../../ui/Toasts";
import { useAgencies } from "../crm/api";
import { type BrokerLeadSheet, useChangeStatus, useFailedCall } from "./api";
import { WorkStatusBadge } from "./WorkStatusBadge";

type OpenForm = null | "perdu" | "vendu";

/** Where the brokerage stands with the lead, and the moves it may make from there (the server checks them again). */
export function WorkActions({ lead }: { lead: BrokerLeadSheet }) {
  const [form, setForm] = useState<OpenForm>(null);
  const change = useChangeStatus(lead.leadId);
  const failedCall = useFailedCall(lead.leadId);
  const toast = useToast();
  const next = NEXT_STATUSES[lead.work.status];
  const move = (status: "contacte") =>
    change.mutate(
      { status },
      { onSuccess: () => toast.success(`Statut : ${WORK_STATUS_LABELS[status]}`), onError: (e) => toast.error(errorMessage(e)) },
    );

  return (
    <section className="card" aria-labelledby="bl-work-title">
      <div className="card__title-row">
        <h2 id="bl-work-title">Suivi du lead</h2>
        <span data-testid="bl-status">
          <WorkStatusBadge status={lead.work.status} />
        </span>
      </div>
      <p className="muted small">
        Depuis le {formatTimestamp(lead.work.statusChangedAt)}
        {lead.work.lostReason && <> — motif : {LOST_REASON_LABELS[lead.work.lostReason]}</>}
        {lead.work.note && <> — « {lead.work.note} »</>}
        {lead.work.failedAttempts > 0 && <> — {lead.work.failedAttempts} appel(s) sans réponse</>}
      </p>
      {lead.work.clientId && (
        <p>
          <Link to={`/courtier/clients/${lead.work.clientId}`}>Voir le client dans le CRM</Link> (il entrera dans la campagne M+3 trois mois
          après la date d'effet de son contrat).
        </p>
      )}
      <div className="work-actions">
        {next.includes("contacte") && (
          <button type="button" className="button button--primary" disabled={change.isPending} onClick={() => move("contacte")}>
            {lead.work.status === "perdu" ? "Rouvrir : prospect recontacté" : "Marquer contacté"}
          </button>
        )}
        {lead.work.status !== "vendu" && (
          <button
            type="button"
            className="button button--secondary"
            disabled={failedCall.isPending}
            onClick={() =>
              failedCall.mutate(undefined, {
                onSuccess: (r) => toast.success(`Appel sans réponse noté (${r.failedAttempts})`),
                onError: (e) => toast.error(errorMessage(e)),
              })
            }
          >
            Appel sans réponse
          </button>
        )}
        {next.includes("vendu") && (
          <button type="button" className="button button--primary" onClick={() => setForm("vendu")}>
            Marquer vendu…
          </button>
        )}
        {next.includes("perdu") && (
          <button type="button" className="button button--ghost" onClick={() => setForm("perdu")}>
            Marquer perdu…
          </button>
        )}
      </div>
      {form === "perdu" && <LostForm lead={lead} onDone={() => setForm(null)} />}
      {form === "vendu" && <WonForm lead={lead} onDone={() => setForm(null)} />}
    </section>
  );
}

/** A move that asks for more than a click ("perdu", "vendu"): sent, it is said and its form closes. */
function useMove(lead: BrokerLeadSheet, onDone: () => void) {
  const change = useChangeStatus(lead.leadId);
  const toast = useToast();
  const send = (input: Parameters<typeof change.mutate>[0], done: string) =>
    change.mutate(input, {
      onSuccess: () => {
        toast.success(done);
        onDone();
      },
    });
  return { change, errors: fieldErrors(change.error), send };
}

function LostForm({ lead, onDone }: { lead: BrokerLeadSheet; onDone(): void }) {
  const [reason, setReason] = useState<LostReason | "">("");
  const [note, setNote] = useState("");
  const { change, errors, send } = useMove(lead, onDone);
  return (
    <Form
      className="subform"
      aria-label="Marquer perdu"
      onSubmit={() => send({ status: "perdu", lostReason: reason || null, note: note.trim() || null }, "Lead marqué perdu")}
    >
      <Field id="bl-lost-reason" label="Motif" required error={errors.lostReason}>
        {(c) => (
          <select {...c} className="input" value={reason} onChange={(e) => setReason(e.target.value as LostReason)}>
            <option value="">Choisir un motif…</option>
            {LOST_REASONS.map((r) => (
              <option key={r} value={r}>
                {LOST_REASON_LABELS[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="bl-lost-note" label="Commentaire" required={reason === "autre"} error={errors.note}>
        {(c) => <textarea {...c} className="input" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <FormActions onCancel={onDone} busy={change.isPending} submitLabel="Enregistrer" saveFirst />
    </Form>
  );
}

/** "Vendu": the broker signed the prospect; the client may be created in the CRM with its first contract at once. */
function WonForm({ lead, onDone }: { lead: BrokerLeadSheet; onDone(): void }) {
  const [createClient, setCreateClient] = useState(true);
  const [productLine, setProductLine] = useState<ProductLine | "">(SUGGESTED_PRODUCT_LINE[lead.product] ?? "");
  const [startDate, setStartDate] = useState("");
  const [insurerName, setInsurerName] = useState("");
  const [premium, setPremium] = useState("");
  const [agencyId, setAgencyId] = useState("");
  const agencies = useAgencies();
  const { change, errors, send } = useMove(lead, onDone);
  const premiumCents = premium.trim() === "" ? null : Math.round(Number(premium.replace(",", ".")) * 100);
  return (
    <Form
      className="subform"
      aria-label="Marquer vendu"
      onSubmit={() =>
        send(
          {
            status: "vendu",
            client: createClient
              ? {
                  productLine: productLine as ProductLine,
                  startDate,
                  insurerName: insurerName.trim() || null,
                  premiumCents: Number.isFinite(premiumCents) ? premiumCents : null,
                  agencyId: agencyId || null,
                }
              : null,
          },
          createClient ? "Vendu : client créé dans le CRM" : "Lead marqué vendu",
        )
      }
    >
      <label className="checkbox">
        <input type="checkbox" checked={createClient} onChange={(e) => setCreateClient(e.target.checked)} /> Créer le client dans mon CRM
        avec son premier contrat
      </label>
      {createClient && (
        <div className="form-grid">
          <Field id="bl-won-line" label="Produit du contrat" required error={errors["client.productLine"]}>
            {(c) => (
              <select {...c} className="input" value={productLine} onChange={(e) => setProductLine(e.target.value as ProductLine)}>
                <option value="">Choisir…</option>
                {PRODUCT_LINES.map((l) => (
                  <option key={l.key} value={l.key}>
                    {l.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="bl-won-start" label="Date d'effet" required error={errors["client.startDate"]}>
            {(c) => <input {...c} className="input" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} />}
          </Field>
          <Field id="bl-won-insurer" label="Compagnie" error={errors["client.insurerName"]}>
            {(c) => <input {...c} className="input" maxLength={100} value={insurerName} onChange={(e) => setInsurerName(e.target.value)} />}
          </Field>
          <Field id="bl-won-premium" label="Prime annuelle (€)" error={errors["client.premiumCents"]}>
            {(c) => <input {...c} className="input" inputMode="decimal" value={premium} onChange={(e) => setPremium(e.target.value)} />}
          </Field>
          {(agencies.data?.length ?? 0) > 0 && (
            <Field id="bl-won-agency" label="Agence" error={errors["client.agencyId"]}>
              {(c) => (
                <select {...c} className="input" value={agencyId} onChange={(e) => setAgencyId(e.target.value)}>
                  <option value="">—</option>
                  {agencies.data?.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </div>
      )}
      {change.isError && !Object.keys(errors).length && <p className="text-danger">{errorMessage(change.error)}</p>}
      <FormActions onCancel={onDone} busy={change.isPending} submitLabel="Confirmer : vendu" saveFirst />
    </Form>
  );
}
