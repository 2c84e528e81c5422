import { type FormEvent, useState } from "react";
import { errorMessage } from "../../api/client";
import { useProfile } from "../../app/session";
import { Alert } from "../../ui/Alert";
import { Field } from "../../ui/Field";
import { ErrorState, LoadingState } from "../../ui/States";
import { useToast } from "../../ui/Toasts";
import { useBillingIdentity, useUpdateBillingIdentity } from "./api";

/** Who the invoices are made out to; the brokerage's admin completes the address and VAT number. */
export function BillingIdentityCard() {
  const identity = useBillingIdentity();
  const update = useUpdateBillingIdentity();
  const toast = useToast();
  const profile = useProfile();
  const [editing, setEditing] = useState(false);
  const [address, setAddress] = useState("");
  const [vatNumber, setVatNumber] = useState("");
  const isAdmin = profile.user.role === "broker_admin";

  if (identity.isPending) return <LoadingState />;
  if (identity.isError) return <ErrorState error={identity.error} onRetry={() => identity.refetch()} />;
  const id = identity.data;

  function startEditing() {
    setAddress(id.address ?? "");
    setVatNumber(id.vatNumber ?? "");
    setEditing(true);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    update.mutate(
      { address, vatNumber },
      {
        onSuccess: () => {
          toast.success("Identité de facturation enregistrée : elle figurera sur vos prochaines factures.");
          setEditing(false);
        },
      },
    );
  }

  const error = update.error as { field?: string; message?: string } | null;
  return (
    <section className="card card__pad" aria-labelledby="identity-title">
      <h2 id="identity-title">Facturé à</h2>
      {!editing ? (
        <>
          <p className="billing-identity">
            <strong>{id.name}</strong>
            {id.siren ? <span>SIREN {id.siren}</span> : null}
            {(id.address ?? "").split("\n").map((line) => (
              <span key={line}>{line}</span>
            ))}
            {id.vatNumber ? <span>TVA {id.vatNumber}</span> : null}
          </p>
          {!id.address || !id.vatNumber ? (
            <Alert kind="warning">Complétez l'adresse et le numéro de TVA : ils figurent sur vos factures.</Alert>
          ) : null}
          {isAdmin ? (
            <button type="button" className="button button--secondary button--small" onClick={startEditing}>
              Modifier
            </button>
          ) : null}
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate>
          <Field id="billing-address" label="Adresse de facturation" error={error?.field?.endsWith("address") ? error.message : undefined}>
            {(c) => <textarea {...c} className="input" rows={3} value={address} onChange={(e) => setAddress(e.target.value)} />}
          </Field>
          <Field
            id="billing-vat"
            label="Numéro de TVA intracommunautaire"
            error={error?.field?.endsWith("vatNumber") ? error.message : undefined}
          >
            {(c) => <input {...c} className="input" value={vatNumber} onChange={(e) => setVatNumber(e.target.value)} />}
          </Field>
          {update.isError && !error?.field ? <Alert kind="error">{errorMessage(update.error)}</Alert> : null}
          <div className="billing-actions">
            <button type="submit" className="button button--primary button--small" disabled={update.isPending}>
              Enregistrer
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setEditing(false)}>
              Annuler
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
