import { isProductLine, PRODUCT_LINES, type ProductLine, requiredDocuments } from "../../../modules/crm/rules/product-lines";
import { Field } from "../../ui/Field";
import type { ContractForm } from "./form-state";
import type { TeamMember } from "./types";

interface Props {
  form: ContractForm;
  errors: Record<string, string>;
  /** "contract." in the one-step creation, "" when editing a contract. */
  prefix: string;
  team: TeamMember[];
  /** The line of an existing contract cannot change; nor can a first contract be held elsewhere. */
  lineLocked?: boolean;
  firstContract?: boolean;
  onChange(next: ContractForm): void;
}

const MARKETS = [
  { key: "particulier", label: "Particuliers" },
  { key: "professionnel", label: "Professionnels et entreprises" },
] as const;

export function ContractFields({ form, errors, prefix, team, lineLocked, firstContract, onChange }: Props) {
  const set = <K extends keyof ContractForm>(key: K, value: ContractForm[K]) => onChange({ ...form, [key]: value });
  const id = (key: string) => `${prefix.replace(".", "-")}${key}`;
  const error = (key: string) => errors[`${prefix}${key}`];
  const documents = isProductLine(form.productLine) ? requiredDocuments(form.productLine as ProductLine) : [];

  return (
    <div className="form-grid">
      <Field id={id("productLine")} label="Produit" required error={error("productLine")}>
        {(c) => (
          <select
            {...c}
            className="input"
            value={form.productLine}
            disabled={lineLocked}
            // Pieces of another line mean nothing for the new one.
            onChange={(e) => onChange({ ...form, productLine: e.target.value, documentsProvided: [] })}
          >
            <option value="">Choisir un produit…</option>
            {MARKETS.map((m) => (
              <optgroup key={m.key} label={m.label}>
                {PRODUCT_LINES.filter((l) => l.market === m.key).map((l) => (
                  <option key={l.key} value={l.key}>
                    {l.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
      {!firstContract && (
        <Field id={id("isOurs")} label="Contrat" error={error("isOurs")}>
          {(c) => (
            <select {...c} className="input" value={String(form.isOurs)} onChange={(e) => set("isOurs", e.target.value === "true")}>
              <option value="true">Souscrit à l'agence</option>
              <option value="false">Détenu chez un autre assureur</option>
            </select>
          )}
        </Field>
      )}
      {!form.isOurs && (
        <Field id={id("insurerName")} label="Assureur" error={error("insurerName")}>
          {(c) => <input {...c} className="input" value={form.insurerName} onChange={(e) => set("insurerName", e.target.value)} />}
        </Field>
      )}
      <Field id={id("startDate")} label="Date d'effet" required={form.isOurs} error={error("startDate")}>
        {(c) => <input {...c} className="input" type="date" value={form.startDate} onChange={(e) => set("startDate", e.target.value)} />}
      </Field>
      <Field id={id("renewalDate")} label="Échéance" error={error("renewalDate")}>
        {(c) => (
          <input {...c} className="input" type="date" value={form.renewalDate} onChange={(e) => set("renewalDate", e.target.value)} />
        )}
      </Field>
      {form.isOurs && (
        <>
          <Field id={id("premium")} label="Prime annuelle" error={error("premiumCents")}>
            {(c) => (
              <div className="input-affix">
                <input
                  {...c}
                  className="input"
                  inputMode="decimal"
                  placeholder="645,00"
                  value={form.premium}
                  onChange={(e) => set("premium", e.target.value)}
                />
                <span className="input-affix__unit">€</span>
              </div>
            )}
          </Field>
          <Field id={id("sellerId")} label="Vendeur" hint="Par défaut : vous" error={error("sellerId")}>
            {(c) => (
              <select {...c} className="input" value={form.sellerId} onChange={(e) => set("sellerId", e.target.value)}>
                <option value="">—</option>
                {team.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.firstName} {u.lastName}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={id("dpSigned")} label="Dispositions particulières" error={error("dpSigned")}>
            {(c) => (
              <select {...c} className="input" value={form.dpSigned} onChange={(e) => set("dpSigned", e.target.value)}>
                <option value="false">Non signées</option>
                <option value="true">Signées</option>
              </select>
            )}
          </Field>
          <Field id={id("quoteSigned")} label="Devis / projet" error={error("quoteSigned")}>
            {(c) => (
              <select {...c} className="input" value={form.quoteSigned} onChange={(e) => set("quoteSigned", e.target.value)}>
                <option value="">Aucun devis en attente</option>
                <option value="false">Non signé</option>
                <option value="true">Signé</option>
              </select>
            )}
          </Field>
        </>
      )}
      {form.isOurs && documents.length > 0 && (
        <fieldset
          className="field field--group form-grid__wide"
          aria-describedby={error("documentsProvided") ? id("documents-error") : undefined}
        >
          <legend className="field__label">Pièces au dossier (GED)</legend>
          <div className="crm-checks">
            {documents.map((d) => (
              <label key={d.key} className="checkbox">
                <input
                  type="checkbox"
                  checked={form.documentsProvided.includes(d.key)}
                  onChange={(e) =>
                    set(
                      "documentsProvided",
                      e.target.checked ? [...form.documentsProvided, d.key] : form.documentsProvided.filter((k) => k !== d.key),
                    )
                  }
                />
                {d.label}
              </label>
            ))}
          </div>
          {error("documentsProvided") && (
            <p className="field__error" id={id("documents-error")}>
              {error("documentsProvided")}
            </p>
          )}
        </fieldset>
      )}
      <Field
        id={id("summary")}
        label="Ce qui a été souscrit"
        hint="Ex. : tous risques, zone urbaine"
        className="form-grid__wide"
        error={error("summary")}
      >
        {(c) => <input {...c} className="input" value={form.summary} onChange={(e) => set("summary", e.target.value)} />}
      </Field>
    </div>
  );
}
