import { createBrowserRouter, Navigate, type RouteObject } from "react-router";
import { LoginPage } from "../features/auth/LoginPage";
import { AcceptInvitationPage } from "../features/brokers/AcceptInvitationPage";
import { SignupPage } from "../features/brokers/SignupPage";
import { PricesPage } from "../features/market/PricesPage";
import type { Feature } from "./feature";
import type { NavLinkEntry } from "./layout/Sidebar";
import { SpaceLayout } from "./layout/SpaceLayout";
import { NotFoundPage, RouteErrorPage } from "./pages/ErrorPages";
import { RootRedirect } from "./pages/RootRedirect";
import { SPACES, type Space } from "./spaces";

function urlOf(space: Space, path: string): string {
  return path === "" ? space.base : `${space.base}/${path}`;
}

function spaceRoute(space: Space, features: Feature[]): RouteObject {
  const own = features.filter((f) => f.space === space.key).flatMap((f) => f.routes);
  const children: RouteObject[] = own.map(({ path, Page }) =>
    path === "" ? { index: true, element: <Page /> } : { path, element: <Page /> },
  );
  if (!own.some((r) => r.path === "")) children.unshift({ index: true, element: <Navigate to={space.home} replace /> });
  children.push({ path: "*", element: <NotFoundPage /> });

  const nav: NavLinkEntry[] = own
    .flatMap((r) => (r.nav ? [{ ...r.nav, to: urlOf(space, r.path), end: r.path === "" }] : []))
    .sort((a, b) => a.order - b.order);
  return { path: space.base, element: <SpaceLayout space={space} nav={nav} />, children };
}

export function createAppRouter(features: Feature[]) {
  return createBrowserRouter([
    {
      errorElement: <RouteErrorPage />,
      children: [
        { path: "/", element: <RootRedirect /> },
        { path: "/connexion", element: <LoginPage /> },
        { path: "/tarifs", element: <PricesPage /> },
        { path: "/inscription-courtier", element: <SignupPage /> },
        { path: "/invitation", element: <AcceptInvitationPage /> },
        ...Object.values(SPACES).map((space) => spaceRoute(space, features)),
        { path: "*", element: <NotFoundPage /> },
      ],
    },
  ]);
}
