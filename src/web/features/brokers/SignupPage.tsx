import { type FormEvent, useState } from "react";
import { Link, Navigate, useNavigate } from "react-router";
import type { SignupBody } from "../../../modules/brokers/api";
import { ORIAS_CATEGORIES, type OriasCategory } from "../../../modules/brokers/rules/orias-categories";
import { errorMessage, fieldErrors } from "../../api/client";
import { useSession } from "../../app/session";
import { spaceOf } from "../../app/spaces";
import { Alert } from "../../ui/Alert";
import { AuthPanel } from "../../ui/AuthPanel";
import { TextField } from "../../ui/Field";
import { usePageTitle } from "../../ui/PageHeader";
import { useSignup } from "./api";
import "./brokers.css";

type Draft = Omit<SignupBody, "oriasCategories"> & { oriasCategories: OriasCategory[] };
const EMPTY: Draft = {
  companyName: "",
  siren: "",
  addressLine: "",
  postalCode: "",
  city: "",
  vatNumber: "",
  oriasNumber: "",
  oriasCategories: [],
  email: "",
  firstName: "",
  lastName: "",
  password: "",
};

const DOMAIN_LABELS = { assurance: "Assurance", credit: "Crédit (IOBSP)", finance: "Finance" } as const;

/** What can be told before the round trip; the server checks the rest (SIREN key, VAT key, postal code). */
function localErrors(d: Draft): Record<string, string> {
  const e: Record<string, string> = {};
  const required: [keyof Draft, string][] = [
    ["companyName", "la raison sociale"],
    ["siren", "le SIREN"],
    ["addressLine", "l'adresse"],
    ["postalCode", "le code postal"],
    ["city", "la ville"],
    ["vatNumber", "le numéro de TVA"],
    ["oriasNumber", "le numéro ORIAS"],
    ["email", "l'e-mail"],
    ["firstName", "le prénom"],
    ["lastName", "le nom"],
  ];
  for (const [key, name] of required) if (String(d[key]).trim() === "") e[key] = `Champ obligatoire : ${name}`;
  if (d.oriasCategories.length === 0) e.oriasCategories = "Cochez au moins une catégorie d'inscription ORIAS";
  if (d.password.length < 10) e.password = "Le mot de passe doit comporter 10 caractères au moins";
  return e;
}

export function SignupPage() {
  usePageTitle("Créer un compte courtier");
  const session = useSession();
  const signup = useSignup();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});

  if (session.data && !signup.isPending && !signup.isSuccess) return <Navigate to={spaceOf(session.data.user.role).home} replace />;

  const set = (key: keyof Draft, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: "" }));
  };
  const toggle = (code: OriasCategory, on: boolean) => {
    setDraft((d) => ({
      ...d,
      oriasCategories: ORIAS_CATEGORIES.map((c) => c.code).filter((c) => (c === code ? on : d.oriasCategories.includes(c))),
    }));
    setErrors((e) => ({ ...e, oriasCategories: "" }));
  };

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const found = localErrors(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    signup.mutate(draft, {
      onSuccess: () => navigate("/courtier/cabinet", { replace: true }),
      onError: (err) => setErrors(fieldErrors(err)),
    });
  }

  const text = (
    key: keyof Omit<Draft, "oriasCategories">,
    label: string,
    props: { hint?: string; type?: string; autoComplete?: string } = {},
  ) => (
    <TextField
      id={`signup-${key}`}
      label={label}
      required
      hint={props.hint}
      error={errors[key] || undefined}
      type={props.type ?? "text"}
      autoComplete={props.autoComplete}
      value={draft[key]}
      onChange={(v) => set(key, v)}
    />
  );

  const unplaced = signup.isError && Object.keys(fieldErrors(signup.error)).every((k) => !(k in EMPTY));

  return (
    <AuthPanel
      title="Créer un compte courtier"
      className="signup__panel"
      onSubmit={onSubmit}
      footer={
        <>
          Déjà inscrit ? <Link to="/connexion">Se connecter</Link>
        </>
      }
    >
      <p className="signup__intro">
        Votre cabinet pourra consulter la salle de marché dès l'inscription, et acheter des leads une fois son inscription ORIAS vérifiée
        par LeadsAssurance.
      </p>
      {unplaced && (
        <Alert kind="error" title="Inscription impossible">
          <p>{errorMessage(signup.error)}</p>
        </Alert>
      )}
      <fieldset className="signup__group">
        <legend>Le cabinet</legend>
        <div className="form-grid">
          <div className="form-grid__wide">{text("companyName", "Raison sociale", { autoComplete: "organization" })}</div>
          {text("siren", "SIREN", { hint: "9 chiffres" })}
          {text("vatNumber", "N° de TVA intracommunautaire", { hint: "Ex. FR44732829320" })}
          <div className="form-grid__wide">{text("addressLine", "Adresse", { autoComplete: "address-line1" })}</div>
          {text("postalCode", "Code postal", { autoComplete: "postal-code" })}
          {text("city", "Ville", { autoComplete: "address-level2" })}
        </div>
      </fieldset>
      <fieldset className="signup__group">
        <legend>Inscription ORIAS</legend>
        {text("oriasNumber", "Numéro ORIAS", { hint: "8 chiffres, tel qu'inscrit sur orias.fr" })}
        <fieldset className={`field signup__group${errors.oriasCategories ? " field--invalid" : ""}`}>
          <legend className="field__label">Catégories d'inscription</legend>
          {(["assurance", "credit", "finance"] as const).map((domain) => (
            <div key={domain} className="signup__categories">
              <p className="signup__domain">{DOMAIN_LABELS[domain]}</p>
              {ORIAS_CATEGORIES.filter((c) => c.domain === domain).map((c) => (
                <label key={c.code} className="checkbox">
                  <input
                    type="checkbox"
                    checked={draft.oriasCategories.includes(c.code)}
                    onChange={(e) => toggle(c.code, e.target.checked)}
                  />
                  <span>
                    <strong>{c.code}</strong> — {c.label}
                  </span>
                </label>
              ))}
            </div>
          ))}
          {errors.oriasCategories && (
            <p className="field__error" id="signup-oriasCategories-error">
              {errors.oriasCategories}
            </p>
          )}
        </fieldset>
      </fieldset>
      <fieldset className="signup__group">
        <legend>Premier administrateur</legend>
        <div className="form-grid">
          {text("firstName", "Prénom", { autoComplete: "given-name" })}
          {text("lastName", "Nom", { autoComplete: "family-name" })}
          <div className="form-grid__wide">{text("email", "Adresse e-mail", { type: "email", autoComplete: "email" })}</div>
          <div className="form-grid__wide">
            {text("password", "Mot de passe", { type: "password", autoComplete: "new-password", hint: "10 caractères au moins" })}
          </div>
        </div>
      </fieldset>
      <button type="submit" className="button button--primary button--block" disabled={signup.isPending}>
        {signup.isPending ? "Création du compte…" : "Créer le compte du cabinet"}
      </button>
    </AuthPanel>
  );
}
