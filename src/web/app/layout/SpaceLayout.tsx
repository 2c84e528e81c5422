import { Suspense } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { LoadingState } from "../../ui/States";
import { FullPageError, FullPageLoading } from "../pages/FullPage";
import { useSession } from "../session";
import { type Space, spaceOf } from "../spaces";
import { type NavLinkEntry, Sidebar } from "./Sidebar";
import { Topbar } from "./Topbar";

/** Guards a space (logged in, right role) and frames its pages with the sidebar and top bar. */
export function SpaceLayout({ space, nav }: { space: Space; nav: NavLinkEntry[] }) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <FullPageLoading />;
  if (session.isError) return <FullPageError error={session.error} onRetry={() => session.refetch()} />;
  const profile = session.data;
  if (!profile) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`/connexion?retour=${encodeURIComponent(back)}`} replace />;
  }
  if (!space.roles.includes(profile.user.role)) return <Navigate to={spaceOf(profile.user.role).home} replace />;

  return (
    <div className="shell">
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <Sidebar space={space} nav={nav.filter((entry) => !entry.roles || entry.roles.includes(profile.user.role))} />
      <div className="shell__main">
        <Topbar profile={profile} />
        <main id="contenu" className="content" tabIndex={-1}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
