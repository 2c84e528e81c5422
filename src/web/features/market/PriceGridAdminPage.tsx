import { useState } from "react";
import { ApiError, errorMessage } from "../../api/client";
import { Field } from "../../ui/Field";
import { formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { ErrorState, LoadingState } from "../../ui/States";
import { useToast } from "../../ui/Toasts";
import { type PriceGrid, usePriceGrid, usePublishPriceGrid } from "./api";
import { PriceGridTable } from "./PriceGridTable";

type Entry = PriceGrid["entries"][number];
const keyOf = (e: Entry) => `${e.product}|${e.leadType}|${e.channel}|${e.tier}`;

/** The operator edits the grid and publishes it as a new version, with the reason; past sales keep their price. */
export function PriceGridAdminPage() {
  const grid = usePriceGrid();
  const publish = usePublishPriceGrid();
  const toast = useToast();
  const [edits, setEdits] = useState<Map<string, number>>(new Map());
  const [note, setNote] = useState("");
  const [leadType, setLeadType] = useState<"lead" | "rdv">("lead");

  if (grid.isPending) return <LoadingState label="Chargement de la grille…" />;
  if (grid.isError) return <ErrorState error={grid.error} onRetry={() => grid.refetch()} />;
  const entries = grid.data.entries.map((e) => ({ ...e, priceCents: edits.get(keyOf(e)) ?? e.priceCents }));

  return (
    <>
      <PageHeader
        title="Grille de prix"
        subtitle={`Version ${grid.data.version}, publiée le ${formatDateTime(grid.data.publishedAt)} (${grid.data.note}). Chaque publication crée une nouvelle version, tracée dans le journal d'audit.`}
      />
      <div className="radios radios--inline" role="radiogroup" aria-label="Type">
        {(["lead", "rdv"] as const).map((t) => (
          <label key={t} className="radio">
            <input type="radio" name="admin-price-type" checked={leadType === t} onChange={() => setLeadType(t)} />
            {t === "lead" ? "Leads" : "RDV qualifiés"}
          </label>
        ))}
      </div>
      <section className="card card--flush">
        <PriceGridTable
          key={`${grid.data.version}-${leadType}`}
          entries={entries}
          leadType={leadType}
          onEdit={(entry, cents) => setEdits(new Map(edits).set(keyOf(entry), cents))}
        />
      </section>
      <form
        className="card inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          publish.mutate(
            { note, entries },
            {
              onSuccess: (g) => {
                setEdits(new Map());
                setNote("");
                toast.success(`Grille n° ${g.version} publiée`);
              },
              onError: (err) => toast.error(errorMessage(err)),
            },
          );
        }}
      >
        <Field
          id="price-note"
          label="Motif du changement"
          required
          hint={`${edits.size} prix modifié(s)`}
          error={publish.error instanceof ApiError && publish.error.field === "body.note" ? publish.error.message : undefined}
        >
          {(c) => <input {...c} className="input" value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <button type="submit" className="button button--primary" disabled={publish.isPending || edits.size === 0}>
          Publier la nouvelle grille
        </button>
      </form>
    </>
  );
}
