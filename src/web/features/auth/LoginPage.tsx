import { type FormEvent, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { errorMessage } from "../../api/client";
import { FullPageLoading } from "../../app/pages/FullPage";
import { type Role, useLogin, useSession } from "../../app/session";
import { spaceOf } from "../../app/spaces";
import { Alert } from "../../ui/Alert";
import { Field } from "../../ui/Field";
import { usePageTitle } from "../../ui/PageHeader";

/** Only a page of the user's own space: "retour" comes from the URL and must not send him elsewhere. */
function destination(role: Role, back: string | null): string {
  const space = spaceOf(role);
  if (back && (back === space.base || back.startsWith(`${space.base}/`) || back.startsWith(`${space.base}?`))) return back;
  return space.home;
}

export function LoginPage() {
  usePageTitle("Connexion");
  const session = useSession();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  if (session.isPending) return <FullPageLoading />;
  if (session.data && !login.isPending) return <Navigate to={destination(session.data.user.role, params.get("retour"))} replace />;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      { onSuccess: (profile) => navigate(destination(profile.user.role, params.get("retour")), { replace: true }) },
    );
  }

  return (
    <div className="login">
      <div className="login__panel">
        <div className="login__brand">
          <span className="brand-mark brand-mark--large" aria-hidden="true">
            LA
          </span>
          <div>
            <p className="login__name">LeadsAssurance</p>
            <p className="login__tagline">Leads et rendez-vous qualifiés, avec preuve de consentement</p>
          </div>
        </div>
        <form className="card login__card" onSubmit={onSubmit} noValidate>
          <h1>Connexion</h1>
          {login.isError && (
            <Alert kind="error" title="Connexion impossible">
              <p>{errorMessage(login.error)}</p>
            </Alert>
          )}
          <Field id="login-email" label="Adresse e-mail" required>
            {(c) => (
              <input
                {...c}
                className="input"
                type="email"
                autoComplete="username"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                required
                // biome-ignore lint/a11y/noAutofocus: the login form is the page's only purpose
                autoFocus
              />
            )}
          </Field>
          <Field id="login-password" label="Mot de passe" required>
            {(c) => (
              <input
                {...c}
                className="input"
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
              />
            )}
          </Field>
          <button type="submit" className="button button--primary button--block" disabled={login.isPending || !email || !password}>
            {login.isPending ? "Connexion…" : "Se connecter"}
          </button>
        </form>
        <p className="login__footer">
          Accès réservé aux courtiers et apporteurs partenaires. Courtier ? <Link to="/inscription-courtier">Créer un compte courtier</Link>
        </p>
      </div>
    </div>
  );
}
