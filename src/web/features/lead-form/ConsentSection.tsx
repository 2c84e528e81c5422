import type { ConsentText } from "../../api/consent-texts";
import { Alert } from "../../ui/Alert";
import { Field, FieldSet, TextField } from "../../ui/Field";
import { formatDate, parisNowForInput } from "../../ui/format";
import { LoadingState } from "../../ui/States";
import { StepSection } from "../../ui/StepSection";
import type { ConsentState, FieldErrors } from "./form-state";

interface Props {
  consent: ConsentState;
  text: ConsentText | undefined;
  loadingText: boolean;
  errors: FieldErrors;
  onChange<K extends keyof ConsentState>(key: K, value: ConsentState[K]): void;
}

type TextKey = "ip" | "sourceUrl" | "userAgent" | "callCenter" | "agent" | "recordingRef";

/** A text of the consent's evidence, copied from where it was recorded; a wide one spans the grid. */
interface EvidenceField {
  name: TextKey;
  label: string;
  placeholder?: string;
  hint?: string;
  wide?: boolean;
}

const WEB_FIELDS: EvidenceField[] = [
  { name: "ip", label: "Adresse IP publique de l'internaute", placeholder: "ex. 82.64.123.45" },
  { name: "sourceUrl", label: "URL de la page de collecte", placeholder: "ex. https://www.votre-site.fr/devis", wide: true },
  {
    name: "userAgent",
    label: "User-agent du navigateur",
    placeholder: "ex. Mozilla/5.0 (Windows NT 10.0; Win64; x64) …",
    wide: true,
  },
];

const ORAL_FIELDS: EvidenceField[] = [
  { name: "callCenter", label: "Centre d'appels" },
  { name: "agent", label: "Téléconseiller" },
  {
    name: "recordingRef",
    label: "Référence de l'enregistrement",
    hint: "Identifiant de l'enregistrement de l'appel où le consentement a été donné",
  },
];

function EvidenceFields({
  fields,
  consent,
  errors,
  onChange,
}: { fields: EvidenceField[] } & Pick<Props, "consent" | "errors" | "onChange">) {
  return (
    <div className="form-grid">
      {fields.map((f) => {
        const input = (
          <TextField
            key={f.name}
            id={`consent-${f.name}`}
            label={f.label}
            required
            error={errors[`consent.${f.name}`]}
            hint={f.hint}
            type="text"
            autoComplete="off"
            placeholder={f.placeholder}
            value={consent[f.name]}
            onChange={(v) => onChange(f.name, v)}
          />
        );
        return f.wide ? (
          <div key={f.name} className="form-grid__wide">
            {input}
          </div>
        ) : (
          input
        );
      })}
    </div>
  );
}

export function ConsentSection({ consent, text, loadingText, errors, onChange }: Props) {
  return (
    <StepSection id="section-consent" step={4} title="Consentement du prospect">
      {loadingText ? (
        <LoadingState label="Chargement du texte de consentement…" />
      ) : text ? (
        <div className="consent-box">
          <p className="consent-box__meta">
            Texte en vigueur : <strong>{text.title}</strong> — version <strong>{text.version}</strong>, publiée le{" "}
            {formatDate(text.publishedAt)}
          </p>
          <blockquote className="consent-text consent-text--full" aria-label="Texte de consentement présenté au prospect">
            {text.body}
          </blockquote>
          {text.partners.length > 0 && <p className="small muted">Partenaires : {text.partners.join(" ; ")}</p>}
        </div>
      ) : (
        <Alert kind="error" title="Aucun texte de consentement publié">
          <p>Un lead ne peut pas être envoyé sans texte de consentement publié. Contactez LeadsAssurance.</p>
        </Alert>
      )}
      {errors["consent.textVersion"] && <p className="field__error">{errors["consent.textVersion"]}</p>}

      <FieldSet id="consent-method" legend="Méthode de recueil" required error={errors["consent.method"] ?? errors.consent}>
        <div className="radios radios--inline">
          <label className="radio">
            <input
              type="radio"
              name="consent-method"
              checked={consent.method === "checkbox"}
              onChange={() => onChange("method", "checkbox")}
            />
            Case à cocher (formulaire web)
          </label>
          <label className="radio">
            <input type="radio" name="consent-method" checked={consent.method === "oral"} onChange={() => onChange("method", "oral")} />
            Consentement oral (centre d'appels)
          </label>
        </div>
      </FieldSet>

      {consent.method === "checkbox" ? (
        <>
          <div className={`confirm-box${errors["consent.prechecked"] ? " confirm-box--invalid" : ""}`}>
            <label className="checkbox">
              <input
                type="checkbox"
                id="consent-confirmed"
                checked={consent.confirmed}
                aria-describedby={errors["consent.prechecked"] ? "consent-confirmed-error" : undefined}
                onChange={(e) => onChange("confirmed", e.target.checked)}
              />
              <span>
                Je confirme que le prospect a <strong>lui-même coché</strong> la case de consentement, qui n'était{" "}
                <strong>pas pré-cochée</strong>, après avoir lu ce texte.
              </span>
            </label>
            {errors["consent.prechecked"] && (
              <p className="field__error" id="consent-confirmed-error">
                {errors["consent.prechecked"]}
              </p>
            )}
          </div>
          <p className="small muted">
            Recopiez les informations enregistrées lors de la collecte sur votre site ; ne saisissez rien qui n'en provienne pas.
          </p>
          <EvidenceFields fields={WEB_FIELDS} consent={consent} errors={errors} onChange={onChange} />
        </>
      ) : (
        <EvidenceFields fields={ORAL_FIELDS} consent={consent} errors={errors} onChange={onChange} />
      )}

      <div>
        <Field id="consent-collectedAt" label="Date et heure du recueil (heure de Paris)" required error={errors["consent.collectedAt"]}>
          {(c) => (
            <div className="input-row">
              <input
                {...c}
                className="input"
                type="datetime-local"
                value={consent.collectedAt}
                onChange={(e) => onChange("collectedAt", e.target.value)}
              />
              <button type="button" className="button button--secondary" onClick={() => onChange("collectedAt", parisNowForInput())}>
                Maintenant
              </button>
            </div>
          )}
        </Field>
      </div>
    </StepSection>
  );
}
