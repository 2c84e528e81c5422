import { useState } from "react";
import { Alert } from "../../ui/Alert";
import { FileDrop } from "../../ui/FileDrop";
import { formatNumber, pluralize } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { productLabel } from "../../ui/products";
import type { CsvImport } from "./types";

/**
 * An import cut short (server stopped, upload broken) keeps its rows; sending the same file again goes
 * on from the next row. The server recognises the file by its header and first row.
 */
export function ResumeImport({
  target,
  error,
  onResume,
  onCancel,
}: {
  target: CsvImport;
  error?: string;
  onResume(file: File): void;
  onCancel(): void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState<string | undefined>();
  return (
    <section className="card form-section" aria-labelledby="resume-title">
      <h2 id="resume-title">Reprendre l'import « {target.filename} »</h2>
      <p className="muted">
        {productLabel(target.product)} — {pluralize(target.totalRows, "ligne déjà traitée", "lignes déjà traitées")} et conservée
        {target.totalRows > 1 ? "s" : ""} ({formatNumber(target.accepted)} acceptées, {formatNumber(target.rejected)} rejetées).
      </p>
      {error ? (
        <Alert kind="error" title="La reprise a été refusée">
          <p>{error}</p>
        </Alert>
      ) : (
        <Alert kind="warning" title="Import interrompu">
          <p>
            Choisissez le même fichier : l'import reprend à la ligne {formatNumber(target.totalRows + 1)}, sans traiter deux fois les lignes
            déjà enregistrées.
          </p>
        </Alert>
      )}
      <FileDrop
        file={file}
        accept=".csv,text/csv"
        error={missing}
        onFile={(f) => {
          setFile(f);
          setMissing(undefined);
        }}
      />
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onCancel}>
          Annuler
        </button>
        <button
          type="button"
          className="button button--primary button--large"
          onClick={() => (file ? onResume(file) : setMissing("Choisissez le fichier de cet import."))}
        >
          <Icon name="upload" />
          Reprendre l'import
        </button>
      </div>
    </section>
  );
}
