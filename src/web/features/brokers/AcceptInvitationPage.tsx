import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { BROKER_ROLE_LABELS } from "../../../modules/brokers/rules/roles";
import { errorMessage, fieldErrors } from "../../api/client";
import { Alert } from "../../ui/Alert";
import { Field } from "../../ui/Field";
import { usePageTitle } from "../../ui/PageHeader";
import { LoadingState } from "../../ui/States";
import { useAcceptInvitation, useInvitationPreview } from "./api";
import "./brokers.css";

/** The link of the invitation mail: the colleague chooses a name and a password. */
export function AcceptInvitationPage() {
  usePageTitle("Rejoindre un cabinet");
  const [params] = useSearchParams();
  const token = params.get("jeton") ?? "";
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation();
  const navigate = useNavigate();
  const [form, setForm] = useState({ firstName: "", lastName: "", password: "" });
  const errors = accept.isError ? fieldErrors(accept.error) : {};

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    accept.mutate({ token, ...form }, { onSuccess: () => navigate("/courtier", { replace: true }) });
  }

  return (
    <div className="login">
      <div className="login__panel">
        <div className="card login__card">
          <h1>Rejoindre un cabinet</h1>
          {preview.isPending && token ? (
            <LoadingState />
          ) : !preview.data ? (
            <Alert kind="error" title="Invitation introuvable">
              <p>{preview.error ? errorMessage(preview.error) : "Ce lien d'invitation est incomplet."}</p>
            </Alert>
          ) : (
            <form className="login__card signup__group" onSubmit={onSubmit} noValidate>
              <p>
                <strong>{preview.data.orgName}</strong> vous invite en tant que {BROKER_ROLE_LABELS[preview.data.role].toLowerCase()} (
                {preview.data.email}).
              </p>
              {accept.isError && !errors.firstName && !errors.lastName && !errors.password && (
                <Alert kind="error">
                  <p>{errorMessage(accept.error)}</p>
                </Alert>
              )}
              {(["firstName", "lastName", "password"] as const).map((key) => (
                <Field
                  key={key}
                  id={`invite-${key}`}
                  label={key === "firstName" ? "Prénom" : key === "lastName" ? "Nom" : "Mot de passe"}
                  required
                  hint={key === "password" ? "10 caractères au moins" : undefined}
                  error={errors[key]}
                >
                  {(c) => (
                    <input
                      {...c}
                      className="input"
                      type={key === "password" ? "password" : "text"}
                      autoComplete={key === "password" ? "new-password" : key === "firstName" ? "given-name" : "family-name"}
                      value={form[key]}
                      onChange={(e) => setForm((f) => ({ ...f, [key]: e.target.value }))}
                    />
                  )}
                </Field>
              ))}
              <button type="submit" className="button button--primary button--block" disabled={accept.isPending}>
                Créer mon compte
              </button>
            </form>
          )}
        </div>
        <p className="login__footer">
          <Link to="/connexion">Se connecter</Link>
        </p>
      </div>
    </div>
  );
}
