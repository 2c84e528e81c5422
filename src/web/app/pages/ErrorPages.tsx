import { isRouteErrorResponse, Link, useRouteError } from "react-router";
import { usePageTitle } from "../../ui/PageHeader";

export function NotFoundPage() {
  usePageTitle("Page introuvable");
  return (
    <div className="full-page">
      <div className="full-page__box card">
        <h1>Page introuvable</h1>
        <p>Cette adresse ne correspond à aucune page de LeadsAssurance.</p>
        <Link className="button button--primary" to="/">
          Retour à l'accueil
        </Link>
      </div>
    </div>
  );
}

/** Last resort when a page crashes while rendering: say so in French rather than a blank screen. */
export function RouteErrorPage() {
  const error = useRouteError();
  usePageTitle("Erreur");
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  // A new deployment removes the old chunks: reloading fetches the current ones.
  const chunkMissing = error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <div className="full-page">
      <div className="full-page__box card">
        <h1>Une erreur est survenue</h1>
        <p>
          {chunkMissing
            ? "Une nouvelle version de l'application est disponible."
            : "La page n'a pas pu s'afficher. Rechargez-la ; si le problème persiste, contactez le support."}
        </p>
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          Recharger la page
        </button>
      </div>
    </div>
  );
}
