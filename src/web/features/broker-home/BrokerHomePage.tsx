import { useProfile } from "../../app/session";
import { PageHeader } from "../../ui/PageHeader";

/** Placeholder until the broker pages land: they replace this feature. */
export function BrokerHomePage() {
  const { user, organisation } = useProfile();
  return (
    <>
      <PageHeader title="Espace courtier" subtitle={organisation.name} />
      <section className="card">
        <h2>Bienvenue, {user.firstName}</h2>
        <p>Votre espace courtier est en cours de préparation : vos leads, rendez-vous et la salle de marché apparaîtront ici.</p>
      </section>
    </>
  );
}
