import { useNavigate } from "react-router";
import { errorMessage } from "../../api/client";
import { NotificationBell } from "../../features/delivery/NotificationBell";
import { Icon } from "../../ui/Icon";
import { useToast } from "../../ui/Toasts";
import { type Profile, useLogout } from "../session";
import { ROLE_LABELS } from "../spaces";

export function Topbar({ profile }: { profile: Profile }) {
  const logout = useLogout();
  const navigate = useNavigate();
  const toast = useToast();
  const { user, organisation } = profile;

  function onLogout() {
    logout.mutate(undefined, {
      onError: (e) => toast.error(errorMessage(e)),
      onSettled: () => navigate("/connexion", { replace: true }),
    });
  }

  return (
    <header className="topbar">
      <div className="topbar__org">
        <span className="topbar__org-label">Organisation</span>
        <strong className="topbar__org-name">{organisation.name}</strong>
      </div>
      <div className="topbar__user">
        {(user.role === "broker_admin" || user.role === "broker_agent") && <NotificationBell />}
        <span className="avatar" aria-hidden="true">
          {(user.firstName[0] ?? "").toUpperCase()}
          {(user.lastName[0] ?? "").toUpperCase()}
        </span>
        <span className="topbar__who">
          <span className="topbar__name">
            {user.firstName} {user.lastName}
          </span>
          <span className="topbar__role">{ROLE_LABELS[user.role] ?? user.role}</span>
        </span>
        <button type="button" className="button button--ghost" onClick={onLogout} disabled={logout.isPending}>
          <Icon name="logout" />
          <span className="topbar__logout-label">Se déconnecter</span>
        </button>
      </div>
    </header>
  );
}
