import { useState } from "react";
import { formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { ErrorState, LoadingState } from "../../ui/States";
import { usePriceGrid } from "./api";
import { PriceGridTable } from "./PriceGridTable";

/** The public price grid (price transparency): what any broker pays, before signing up. */
export function PricesPage() {
  const grid = usePriceGrid();
  const [leadType, setLeadType] = useState<"lead" | "rdv">("lead");
  return (
    <main className="content public-page">
      <PageHeader
        title="Nos tarifs"
        subtitle="Prix unitaires hors taxes (TVA 20 % en sus), selon le produit, l'exclusivité et la fraîcheur du lead en heures ouvrées (lundi-vendredi hors jours fériés)."
      />
      <div className="radios radios--inline" role="radiogroup" aria-label="Type">
        {(["lead", "rdv"] as const).map((t) => (
          <label key={t} className="radio">
            <input type="radio" name="price-type" checked={leadType === t} onChange={() => setLeadType(t)} />
            {t === "lead" ? "Leads" : "RDV qualifiés"}
          </label>
        ))}
      </div>
      <section className="card card--flush">
        {grid.isPending ? (
          <LoadingState label="Chargement des tarifs…" />
        ) : grid.isError ? (
          <div className="card__pad">
            <ErrorState error={grid.error} onRetry={() => grid.refetch()} />
          </div>
        ) : (
          <>
            <PriceGridTable entries={grid.data.entries} leadType={leadType} />
            <p className="table-footer muted">
              Grille n° {grid.data.version} en vigueur depuis le {formatDateTime(grid.data.publishedAt)}. Une vente garde le prix affiché au
              moment de l'achat.
            </p>
          </>
        )}
      </section>
    </main>
  );
}
