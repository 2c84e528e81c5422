import { useState } from "react";
import { useConsentTexts } from "../../api/consent-texts";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { ConsentTextList } from "./ConsentTextList";
import { PublishForm } from "./PublishForm";

export function ConsentTextsPage() {
  const texts = useConsentTexts();
  const [showForm, setShowForm] = useState(false);

  return (
    <>
      <PageHeader
        title="Textes de consentement"
        subtitle="Versions publiées du texte présenté aux prospects. Chaque lead renvoie à la version qu'il a acceptée."
        actions={
          !showForm && (
            <button type="button" className="button button--primary" onClick={() => setShowForm(true)}>
              <Icon name="plus" />
              Nouvelle version
            </button>
          )
        }
      />
      {showForm && <PublishForm onPublished={() => setShowForm(false)} />}
      {texts.isPending ? (
        <LoadingState />
      ) : texts.isError ? (
        <ErrorState error={texts.error} onRetry={() => texts.refetch()} />
      ) : texts.data.length === 0 ? (
        <EmptyState icon="shield" title="Aucun texte publié : les apporteurs ne peuvent envoyer aucun lead." />
      ) : (
        <ConsentTextList texts={texts.data} />
      )}
    </>
  );
}
