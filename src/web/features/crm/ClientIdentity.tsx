import {
  CIVILITY_LABELS,
  type Civility,
  CLIENT_ORIGIN_LABELS,
  type ClientOrigin,
  HOUSING_LABELS,
  type HousingStatus,
  incomeTaxRateLabel,
  LEGAL_FORM_LABELS,
  MANAGER_ROLE_LABELS,
  MARITAL_STATUS_LABELS,
  type MaritalStatus,
  PROFESSIONAL_STATUS_LABELS,
  type ProfessionalStatus,
  petsText,
} from "../../../modules/crm/rules/client-model";
import { DataList, type DataRow } from "../../ui/DataList";
import { formatEuros, formatIsoDay, formatNumber, formatPhone } from "../../ui/format";
import type { ClientDetail } from "./types";

const label = <K extends string>(labels: Record<K, string>, v: K | null | undefined) => (v ? labels[v] : null);
const num = (v: number | null | undefined) => (v == null ? null : formatNumber(v));

/** The record as the M+3 checklist reads it: identity, contact, situation, then the pro blocks by type. */
export function ClientIdentity({ detail }: { detail: ClientDetail }) {
  const c = detail.client;
  const business = c.type !== "particulier" || c.isTns;
  const person: DataRow[] = [
    { label: "Civilité", value: label(CIVILITY_LABELS, c.civility as Civility | null) },
    { label: "Nom", value: c.lastName },
    { label: "Prénom", value: c.firstName },
    { label: "Date de naissance", value: c.birthDate ? formatIsoDay(c.birthDate) : null },
  ];
  const company: DataRow[] = [
    { label: "Raison sociale", value: c.companyName },
    { label: "Gérant / dirigeant", value: c.managerName },
    { label: "Interlocuteur assurances", value: c.insuranceContactName },
    { label: "Contact", value: [c.civility, c.firstName, c.lastName].filter(Boolean).join(" ") },
  ];
  return (
    <div className="grid grid--2">
      <section className="card" aria-labelledby="client-identity-title">
        <h2 id="client-identity-title">{c.type === "entreprise" ? "Entreprise" : "Identité et coordonnées"}</h2>
        <DataList
          rows={[
            ...(c.type === "entreprise" ? company : person),
            ...(c.type === "professionnel" && c.companyName ? [{ label: "Nom commercial", value: c.companyName }] : []),
            { label: "Adresse d'envoi", value: c.mailingAddress, wide: true },
            { label: "Téléphone", value: c.phone ? formatPhone(c.phone) : null },
            { label: "E-mail", value: c.email },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="client-situation-title">
        <h2 id="client-situation-title">{business ? "Activité professionnelle" : "Situation"}</h2>
        <DataList
          rows={[
            ...(business
              ? [
                  { label: "SIRET / SIREN", value: c.siret },
                  { label: "Code NAF", value: c.nafCode },
                  { label: "Forme juridique", value: label(LEGAL_FORM_LABELS, c.legalForm) },
                  { label: "Mandat du dirigeant", value: label(MANAGER_ROLE_LABELS, c.managerRole), wide: true },
                  { label: "Activité exacte", value: c.activity, wide: true },
                  { label: "Chiffre d'affaires", value: c.annualRevenue == null ? null : formatEuros(c.annualRevenue) },
                  { label: "Effectif", value: num(c.headcount) },
                ]
              : []),
            // A chef d'entreprise filed as particulier: his company's form and his mandate say whether he is TNS.
            ...(!business && c.legalForm
              ? [
                  { label: "Forme juridique", value: label(LEGAL_FORM_LABELS, c.legalForm) },
                  { label: "Mandat dans l'entreprise", value: label(MANAGER_ROLE_LABELS, c.managerRole) },
                ]
              : []),
            { label: "Situation matrimoniale", value: label(MARITAL_STATUS_LABELS, c.maritalStatus as MaritalStatus | null) },
            {
              label: "Situation professionnelle",
              value: label(PROFESSIONAL_STATUS_LABELS, c.professionalStatus as ProfessionalStatus | null),
            },
            ...(c.type !== "entreprise"
              ? [
                  { label: "Enfants", value: num(c.childrenCount) },
                  { label: "Logement", value: label(HOUSING_LABELS, c.housing as HousingStatus | null) },
                  { label: "Véhicules", value: num(c.vehicleCount) },
                  { label: "Animaux", value: petsText(c.petSpecies) },
                  { label: "Tranche d'imposition", value: incomeTaxRateLabel(c.incomeTaxRate) },
                ]
              : []),
            { label: "Origine", value: label(CLIENT_ORIGIN_LABELS, c.origin as ClientOrigin | null) },
            { label: "Référence CRM", value: c.externalRef },
          ]}
        />
      </section>
    </div>
  );
}
