import { Navigate } from "react-router";
import { useSession } from "../session";
import { spaceOf } from "../spaces";
import { FullPageError, FullPageLoading } from "./FullPage";

export function RootRedirect() {
  const session = useSession();
  if (session.isPending) return <FullPageLoading />;
  if (session.isError) return <FullPageError error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) return <Navigate to="/connexion" replace />;
  return <Navigate to={spaceOf(session.data.user.role).home} replace />;
}
