import { type FormEvent, useState } from "react";
import { PARTNER_CATEGORIES } from "../../../modules/brokers/rules/partner-categories";
import { ApiError, errorMessage } from "../../api/client";
import { Alert } from "../../ui/Alert";
import { ConfirmDialog } from "../../ui/ConfirmDialog";
import { Field, TextField } from "../../ui/Field";
import { useToast } from "../../ui/Toasts";
import { type NewConsentText, usePublishConsentText } from "./api";

type Errors = Partial<Record<keyof NewConsentText, string>>;

const EMPTY = { version: "", title: "", body: "", partners: "", partnerCategories: [] as NewConsentText["partnerCategories"] };

function check(input: NewConsentText): Errors {
  const errors: Errors = {};
  if (!/^[A-Za-z0-9._-]{2,40}$/.test(input.version))
    errors.version = "2 à 40 caractères : lettres, chiffres, point, tiret et souligné uniquement.";
  if (input.title.length < 3) errors.title = "Titre obligatoire (3 caractères au moins).";
  if (input.body.length < 50) errors.body = "Texte trop court pour un consentement éclairé (50 caractères au moins).";
  if (input.partners.length === 0) errors.partners = "Nommez au moins un partenaire ou une catégorie de partenaires.";
  return errors;
}

/** The server names the field at fault "body.version": it is mapped back onto the form. */
function serverFieldError(e: unknown): Errors {
  if (!(e instanceof ApiError)) return {};
  if (e.code === "consent_text_exists") return { version: e.message };
  const key = e.field?.replace(/^body\./, "").split(".")[0];
  return key && ["version", "title", "body", "partners"].includes(key) ? { [key]: e.message } : {};
}

export function PublishForm({ onPublished }: { onPublished(): void }) {
  const [draft, setDraft] = useState(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [confirming, setConfirming] = useState(false);
  const publish = usePublishConsentText();
  const toast = useToast();

  const input: NewConsentText = {
    version: draft.version.trim(),
    title: draft.title.trim(),
    body: draft.body.trim(),
    partners: draft.partners
      .split("\n")
      .map((p) => p.trim())
      .filter(Boolean),
    partnerCategories: draft.partnerCategories,
  };
  const toggleCategory = (key: string, on: boolean) =>
    setDraft((d) => ({
      ...d,
      partnerCategories: PARTNER_CATEGORIES.map((c) => c.key).filter((k) => (k === key ? on : d.partnerCategories.includes(k))),
    }));
  const set = (key: "version" | "title" | "body" | "partners", value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const found = check(input);
    setErrors(found);
    if (Object.keys(found).length === 0) setConfirming(true);
  }

  function onConfirm() {
    publish.mutate(input, {
      onSuccess: (text) => {
        setConfirming(false);
        setDraft(EMPTY);
        toast.success(`Version ${text.version} publiée.`);
        onPublished();
      },
      onError: (err) => {
        setConfirming(false);
        setErrors(serverFieldError(err));
      },
    });
  }

  return (
    <form className="card form-section" onSubmit={onSubmit} noValidate aria-labelledby="publish-title">
      <h2 id="publish-title">Publier une nouvelle version</h2>
      <Alert kind="warning" title="La publication est définitive.">
        <p>
          Une version publiée ne peut plus être modifiée ni supprimée : les preuves de consentement y renvoient. Relisez le texte avant de
          publier.
        </p>
      </Alert>
      {publish.isError && Object.keys(serverFieldError(publish.error)).length === 0 && (
        <Alert kind="error" title="Publication impossible">
          <p>{errorMessage(publish.error)}</p>
        </Alert>
      )}
      <div className="form-grid">
        <TextField
          id="ct-version"
          label="Identifiant de version"
          required
          hint="Ex. LA-2026-12-v2"
          error={errors.version}
          type="text"
          maxLength={40}
          value={draft.version}
          onChange={(v) => set("version", v)}
        />
        <TextField
          id="ct-title"
          label="Titre"
          required
          error={errors.title}
          type="text"
          maxLength={200}
          value={draft.title}
          onChange={(v) => set("title", v)}
        />
        <div className="form-grid__wide">
          <Field id="ct-body" label="Texte présenté au prospect" required hint={`${input.body.length} caractères`} error={errors.body}>
            {(c) => (
              <textarea
                {...c}
                className="input textarea"
                rows={8}
                maxLength={20000}
                value={draft.body}
                onChange={(e) => set("body", e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="form-grid__wide">
          <Field
            id="ct-partners"
            label="Partenaires destinataires"
            required
            hint="Un partenaire ou une catégorie de partenaires par ligne"
            error={errors.partners}
          >
            {(c) => (
              <textarea
                {...c}
                className="input textarea"
                rows={3}
                value={draft.partners}
                onChange={(e) => set("partners", e.target.value)}
              />
            )}
          </Field>
        </div>
        <fieldset className="form-grid__wide field">
          <legend className="field__label">Catégories de partenaires couvertes</legend>
          <p className="field__hint">Un lead recueilli avec ce texte ne pourra être vendu qu'aux cabinets de ces catégories.</p>
          {PARTNER_CATEGORIES.map((c) => (
            <label key={c.key} className="checkbox">
              <input
                type="checkbox"
                checked={draft.partnerCategories.includes(c.key)}
                onChange={(e) => toggleCategory(c.key, e.target.checked)}
              />
              <span>{c.label}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary">
          Publier cette version…
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={`Publier la version ${input.version} ?`}
        confirmLabel="Publier définitivement"
        busy={publish.isPending}
        onConfirm={onConfirm}
        onCancel={() => setConfirming(false)}
      >
        <p>
          « {input.title} » deviendra le texte en vigueur pour tous les nouveaux leads. <strong>Cette publication est définitive.</strong>
        </p>
      </ConfirmDialog>
    </form>
  );
}
