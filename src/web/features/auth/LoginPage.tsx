import { type FormEvent, useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { errorMessage } from "../../api/client";
import { FullPageLoading } from "../../app/pages/FullPage";
import { type Role, useLogin, useSession } from "../../app/session";
import { spaceOf } from "../../app/spaces";
import { Alert } from "../../ui/Alert";
import { AuthPanel } from "../../ui/AuthPanel";
import { TextField } from "../../ui/Field";
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
    <AuthPanel
      title="Connexion"
      onSubmit={onSubmit}
      footer={
        <>
          Accès réservé aux courtiers et apporteurs partenaires. Courtier ? <Link to="/inscription-courtier">Créer un compte courtier</Link>
        </>
      }
    >
      {login.isError && (
        <Alert kind="error" title="Connexion impossible">
          <p>{errorMessage(login.error)}</p>
        </Alert>
      )}
      <TextField
        id="login-email"
        label="Adresse e-mail"
        required
        type="email"
        autoComplete="username"
        value={email}
        onChange={setEmail}
        // The login form is the page's only purpose: the e-mail field takes the focus.
        autoFocus
      />
      <TextField
        id="login-password"
        label="Mot de passe"
        required
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
      />
      <button type="submit" className="button button--primary button--block" disabled={login.isPending || !email || !password}>
        {login.isPending ? "Connexion…" : "Se connecter"}
      </button>
    </AuthPanel>
  );
}
