import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import {
  CIVILITY_OPTIONS,
  CLIENT_ORIGIN_OPTIONS,
  CLIENT_TYPE_OPTIONS,
  type ClientType,
  HOUSING_OPTIONS,
  INCOME_TAX_RATE_OPTIONS,
  LEGAL_FORM_OPTIONS,
  MANAGER_ROLE_OPTIONS,
  MARITAL_STATUS_OPTIONS,
  PET_SPECIES_OPTIONS,
  PROFESSIONAL_STATUS_OPTIONS,
} from "../../../modules/crm/rules/client-model";
import { api } from "../../api/client";
import { communeChoices, usePostalCode } from "../../api/postal-codes";
import { Field, FieldSet } from "../../ui/Field";
import { appliesTo, type ClientForm, type ClientFormKey, NO_PET } from "./form-state";
import type { Agency, TeamMember } from "./types";

interface Props {
  form: ClientForm;
  errors: Record<string, string>;
  /** "client." in the one-step creation, "" when editing. */
  prefix: string;
  agencies: Agency[];
  team: TeamMember[];
  onChange(next: ClientForm): void;
}

type Input = {
  key: ClientFormKey;
  label: string;
  required?: boolean;
  type?: string;
  placeholder?: string;
  inputMode?: "numeric" | "tel" | "email";
  list?: string;
  hint?: string;
};

/** The client record's fields, grouped as the M+3 checklist reads them; pro and company blocks appear by type. */
export function ClientFields({ form, errors, prefix, agencies, team, onChange }: Props) {
  const set = (key: ClientFormKey, value: string) => onChange({ ...form, [key]: value });
  const show = (key: ClientFormKey) => appliesTo(key, form);
  const id = (key: string) => `${prefix.replace(".", "-")}${key}`;
  const naf = useNafSearch(form.nafCode);
  const communes = communeChoices(usePostalCode(form.postalCode).data);

  const text = (i: Input) =>
    show(i.key) && (
      <Field key={i.key} id={id(i.key)} label={i.label} required={i.required} hint={i.hint} error={errors[`${prefix}${i.key}`]}>
        {(c) => (
          <input
            {...c}
            className="input"
            type={i.type ?? "text"}
            inputMode={i.inputMode}
            placeholder={i.placeholder}
            list={i.list}
            autoComplete="off"
            value={form[i.key]}
            onChange={(e) => set(i.key, e.target.value)}
          />
        )}
      </Field>
    );
  const select = (key: ClientFormKey, label: string, options: readonly { value: string; label: string }[], empty = "Non renseigné") =>
    show(key) && (
      <Field key={key} id={id(key)} label={label} error={errors[`${prefix}${key}`]}>
        {(c) => (
          <select {...c} className="input" value={form[key]} onChange={(e) => set(key, e.target.value)}>
            <option value="">{empty}</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    );

  return (
    <>
      <Block title="Type de client">
        <fieldset className="field field--group form-grid__wide">
          <legend className="field__label">Type</legend>
          <div className="radios radios--inline">
            {CLIENT_TYPE_OPTIONS.map((o) => (
              <label key={o.value} className="radio">
                <input
                  type="radio"
                  name={id("type")}
                  value={o.value}
                  checked={form.type === o.value}
                  onChange={() => onChange({ ...form, type: o.value as ClientType })}
                />
                {o.label}
              </label>
            ))}
            <label className="checkbox">
              <input type="checkbox" checked={form.isTns} onChange={(e) => onChange({ ...form, isTns: e.target.checked })} />
              Travailleur non salarié (TNS)
            </label>
          </div>
        </fieldset>
      </Block>
      <Block title={form.type === "entreprise" ? "Entreprise" : "Identité"}>
        {select("civility", "Civilité", CIVILITY_OPTIONS)}
        {text({ key: "firstName", label: form.type === "entreprise" ? "Prénom du contact" : "Prénom" })}
        {text({ key: "lastName", label: form.type === "entreprise" ? "Nom du contact" : "Nom", required: form.type !== "entreprise" })}
        {text({
          key: "companyName",
          label: form.type === "entreprise" ? "Raison sociale" : "Nom commercial",
          required: form.type === "entreprise",
        })}
        {text({ key: "birthDate", label: "Date de naissance", type: "date" })}
        {text({ key: "managerName", label: "Gérant / dirigeant" })}
        {text({ key: "insuranceContactName", label: "Interlocuteur qui gère les assurances" })}
      </Block>
      <Block title="Coordonnées">
        {text({ key: "addressLine", label: "Adresse", placeholder: "12 rue Paradis" })}
        {text({ key: "postalCode", label: "Code postal", inputMode: "numeric", placeholder: "13008" })}
        {text({ key: "city", label: "Ville", list: id("communes") })}
        {text({ key: "phone", label: "Téléphone", type: "tel", inputMode: "tel", placeholder: "06 12 34 56 78" })}
        {text({ key: "email", label: "E-mail", type: "email", inputMode: "email", placeholder: "prenom.nom@exemple.fr" })}
        <datalist id={id("communes")}>
          {communes.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </Block>
      {(show("siret") || show("legalForm")) && (
        <Block title="Activité professionnelle">
          {text({ key: "siret", label: "SIRET / SIREN", inputMode: "numeric", placeholder: "14 chiffres" })}
          {text({ key: "nafCode", label: "Code NAF", list: id("naf"), placeholder: "43.21A ou « électricité »", hint: naf.label })}
          {select("legalForm", "Forme juridique", LEGAL_FORM_OPTIONS)}
          {select(
            "managerRole",
            form.type === "entreprise" ? "Mandat du dirigeant" : "Mandat du client dans l'entreprise",
            MANAGER_ROLE_OPTIONS,
          )}
          {text({ key: "activity", label: "Activité exacte" })}
          {text({ key: "annualRevenue", label: "Chiffre d'affaires annuel (€)", inputMode: "numeric" })}
          {text({ key: "headcount", label: "Effectif", inputMode: "numeric" })}
          <datalist id={id("naf")}>
            {naf.options.map((n) => (
              <option key={n.code} value={n.code}>
                {n.label}
              </option>
            ))}
          </datalist>
        </Block>
      )}
      {show("maritalStatus") && (
        <Block title="Situation">
          {select("maritalStatus", "Situation matrimoniale", MARITAL_STATUS_OPTIONS)}
          {select("professionalStatus", "Situation professionnelle", PROFESSIONAL_STATUS_OPTIONS)}
          {text({ key: "childrenCount", label: "Nombre d'enfants", inputMode: "numeric" })}
          {select("housing", "Logement", HOUSING_OPTIONS)}
          {text({ key: "vehicleCount", label: "Nombre de véhicules", inputMode: "numeric" })}
          <PetsField
            id={id("petSpecies")}
            value={form.petSpecies}
            error={errors[`${prefix}petSpecies`]}
            onChange={(value) => set("petSpecies", value)}
          />
          {select("incomeTaxRate", "Tranche marginale d'imposition", INCOME_TAX_RATE_OPTIONS)}
        </Block>
      )}
      <Block title="Suivi par l'agence">
        {select(
          "agencyId",
          "Agence",
          agencies.map((a) => ({ value: a.id, label: a.brand ? `${a.brand} ${a.name}` : a.name })),
          "Aucune",
        )}
        {select(
          "accountManagerId",
          "Chargé(e) de clientèle",
          team.map((u) => ({
            value: u.id,
            label: `${u.firstName} ${u.lastName}${u.agencyName ? ` — ${u.agencyName}` : ""}${u.handlesProfessionals ? " (pros)" : ""}`,
          })),
          "Aucun",
        )}
        {select("origin", "Origine du client", CLIENT_ORIGIN_OPTIONS)}
      </Block>
    </>
  );
}

/** Species as checkboxes, and "aucun animal" apart: nothing ticked means the record does not know. */
function PetsField({ id, value, error, onChange }: { id: string; value: string; error?: string; onChange(value: string): void }) {
  const species = value === NO_PET ? [] : value.split(",").filter(Boolean);
  const toggle = (s: string) => {
    const next = species.includes(s) ? species.filter((x) => x !== s) : [...species, s];
    onChange(
      PET_SPECIES_OPTIONS.map((o) => o.value as string)
        .filter((v) => next.includes(v))
        .join(","),
    );
  };
  return (
    <FieldSet id={id} legend="Animaux de compagnie" hint="Aucune case cochée : non renseigné" error={error}>
      <div className="radios radios--inline">
        {PET_SPECIES_OPTIONS.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" checked={species.includes(o.value)} onChange={() => toggle(o.value)} />
            {o.label}
          </label>
        ))}
        <label className="checkbox">
          <input type="checkbox" checked={value === NO_PET} onChange={(e) => onChange(e.target.checked ? NO_PET : "")} />
          Aucun animal
        </label>
      </div>
    </FieldSet>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="crm-block">
      <h3 className="crm-block__title">{title}</h3>
      <div className="form-grid">{children}</div>
    </div>
  );
}

/** Official NAF codes matching what is typed, and the label of the code once recognised. */
function useNafSearch(value: string) {
  const q = value.trim();
  const search = useQuery({
    queryKey: ["crm", "naf", q],
    queryFn: ({ signal }) => api<{ items: { code: string; label: string }[] }>("/api/v1/crm/naf", { query: { q }, signal }),
    enabled: q.length >= 2,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const options = search.data?.items ?? [];
  const compact = q.replace(/[\s.]/g, "").toUpperCase();
  const exact = options.find((n) => n.code.replace(".", "") === compact);
  return { options, label: exact?.label };
}
