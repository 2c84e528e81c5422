import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { productBySlug } from "../../../modules/catalogue/rules";
import { isReinforcedTextVersion } from "../../../modules/consent/rules/text-kind";
import { errorMessage } from "../../api/client";
import { useConsentTexts } from "../../api/consent-texts";
import { browserPostalCheck } from "../../api/postal-codes";
import { Alert } from "../../ui/Alert";
import { Field } from "../../ui/Field";
import { PageHeader } from "../../ui/PageHeader";
import { productLabel } from "../../ui/products";
import { type SubmitResult, useSubmitLead } from "./api";
import { buildSubmission } from "./build-submission";
import { ConsentSection } from "./ConsentSection";
import { ContactSection } from "./ContactSection";
import { ErrorSummary } from "./ErrorSummary";
import { type ConsentState, type ContactState, emptyForm, type FieldErrors, type LeadFormState } from "./form-state";
import { ProductFieldsSection, ProductPicker } from "./ProductSection";
import { RdvSection } from "./RdvSection";
import { AcceptedPanel, RejectedSummary } from "./SubmitOutcome";

function without(errors: FieldErrors, path: string): FieldErrors {
  if (!(path in errors)) return errors;
  const { [path]: _removed, ...rest } = errors;
  return rest;
}

export function NewLeadPage() {
  const [form, setForm] = useState<LeadFormState>(() => emptyForm());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<SubmitResult | null>(null);
  const texts = useConsentTexts();
  const latestText = texts.data?.find((t) => !isReinforcedTextVersion(t.version));
  const rdvText = texts.data?.find((t) => isReinforcedTextVersion(t.version));
  const submit = useSubmitLead();
  const queryClient = useQueryClient();
  const [checkFailure, setCheckFailure] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // A field being corrected no longer carries its old reproach.
  const clear = (path: string) => setErrors((e) => without(without(e, path), path.split(".")[0] ?? path));

  const setContact = (key: keyof ContactState, value: string) => {
    setForm((f) => ({ ...f, contact: { ...f.contact, [key]: value } }));
    clear(`contact.${key}`);
  };
  const setField = (key: string, value: string) => {
    setForm((f) => ({ ...f, fields: { ...f.fields, [key]: value } }));
    clear(`fields.${key}`);
  };
  const setConsent = <K extends keyof ConsentState>(key: K, value: ConsentState[K]) => {
    setForm((f) => ({ ...f, consent: { ...f.consent, [key]: value } }));
    clear(key === "confirmed" ? "consent.prechecked" : `consent.${key}`);
  };
  const setProduct = (product: string) => {
    setForm((f) => ({ ...f, product, fields: {} }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("fields.") && k !== "product")));
  };

  // Moves focus (and the screen) to the summary after a refused submission, not while the user types.
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => {
    if (focusTick > 0) summaryRef.current?.focus();
  }, [focusTick]);

  // The postal code's communes come from the API: checking waits for them (already there once typed).
  // Checks run on submit, not when a field is left: a message appearing on blur shifts the form under the
  // pointer between press and release, and the click the user was making is lost.
  async function postalCheck() {
    try {
      return await browserPostalCheck(queryClient, form.contact.postalCode);
    } catch (err) {
      setCheckFailure(errorMessage(err));
      return null;
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setOutcome(null);
    setCheckFailure(null);
    const check = await postalCheck();
    if (!check) return;
    const built = buildSubmission(form, latestText?.version, check, rdvText?.version);
    setErrors(built.errors);
    if (!built.submission) {
      setFocusTick((t) => t + 1);
      return;
    }
    submit.mutate(built.submission, {
      onSuccess: (result) => {
        setOutcome(result);
        if (result.status === "rejected") {
          const byPath: FieldErrors = {};
          for (const r of result.reasons) byPath[r.field] = byPath[r.field] ? `${byPath[r.field]} · ${r.message}` : r.message;
          setErrors(byPath);
          setFocusTick((t) => t + 1);
        }
      },
    });
  }

  function startOver() {
    setForm((f) => ({ ...emptyForm(f.product), consent: { ...emptyForm().consent, method: f.consent.method } }));
    setErrors({});
    setOutcome(null);
    window.scrollTo({ top: 0 });
  }

  if (outcome?.status === "accepted") {
    return (
      <>
        <PageHeader title="Nouveau lead" />
        <AcceptedPanel
          id={outcome.id}
          summary={`${[form.contact.firstName, form.contact.lastName].join(" ").trim()} — ${productLabel(form.product)}`}
          onAnother={startOver}
        />
      </>
    );
  }

  const clientErrorCount = outcome ? 0 : Object.keys(errors).length;
  return (
    <>
      <PageHeader
        title="Nouveau lead"
        subtitle="Saisie manuelle d'un lead recueilli par votre équipe. Tous les champs marqués * sont obligatoires."
      />
      <div ref={summaryRef} tabIndex={-1} className="form-summary">
        {outcome?.status === "rejected" && <RejectedSummary id={outcome.id} reasons={outcome.reasons} product={form.product} />}
        {clientErrorCount > 0 && <ErrorSummary errors={errors} product={form.product} />}
        {checkFailure && (
          <Alert kind="error" title="Vérification impossible">
            <p>{checkFailure}</p>
          </Alert>
        )}
        {submit.isError && (
          <Alert kind="error" title="Envoi impossible">
            <p>{errorMessage(submit.error)}</p>
          </Alert>
        )}
      </div>
      <form onSubmit={(e) => void onSubmit(e)} noValidate className="lead-form">
        <ProductPicker product={form.product} errors={errors} onProductChange={setProduct} />
        <ContactSection contact={form.contact} errors={errors} onChange={setContact} />
        <ProductFieldsSection product={form.product} fields={form.fields} errors={errors} onFieldChange={setField} />
        {productBySlug(form.product)?.rdvAvailable && (
          <RdvSection
            rdv={form.rdv}
            text={rdvText}
            errors={errors}
            onChange={(rdv) => {
              setForm((f) => ({ ...f, rdv }));
              setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith("appointment."))));
            }}
          />
        )}
        <ConsentSection consent={form.consent} text={latestText} loadingText={texts.isPending} errors={errors} onChange={setConsent} />
        <section className="card form-section">
          <Field
            id="lead-externalRef"
            label="Votre référence (facultatif)"
            hint="Référence du lead dans votre propre outil, reprise dans les exports"
          >
            {(c) => (
              <input
                {...c}
                className="input input--medium"
                type="text"
                maxLength={200}
                value={form.externalRef}
                onChange={(e) => setForm((f) => ({ ...f, externalRef: e.target.value }))}
              />
            )}
          </Field>
        </section>
        <div className="form-actions">
          <button type="submit" className="button button--primary button--large" disabled={submit.isPending || !latestText}>
            {submit.isPending ? "Envoi…" : "Envoyer le lead"}
          </button>
        </div>
      </form>
    </>
  );
}
