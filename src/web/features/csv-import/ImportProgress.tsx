import { formatBytes, formatNumber } from "../../ui/format";
import { ProgressBar } from "../../ui/ProgressBar";
import type { CsvImport } from "./types";

interface Props {
  filename: string;
  sent: number;
  total: number;
  server: CsvImport | undefined;
  onCancel(): void;
}

/** Two bars: the bytes leaving the browser, and the bytes the server has already judged. */
export function ImportProgress({ filename, sent, total, server, onCancel }: Props) {
  const size = server?.sizeBytes ?? total;
  return (
    <section className="card" aria-labelledby="import-progress-title" aria-live="polite">
      <h2 id="import-progress-title">Import en cours — {filename}</h2>
      <ProgressBar label="Envoi du fichier" value={sent} max={total} detail={`${formatBytes(sent)} / ${formatBytes(total)}`} />
      <ProgressBar
        label="Traitement des lignes"
        value={server?.bytesRead ?? 0}
        max={size}
        detail={
          server
            ? `${formatNumber(server.totalRows)} lignes · ${formatNumber(server.accepted)} acceptées · ${formatNumber(server.rejected)} rejetées`
            : "en attente"
        }
      />
      <p className="small muted">Vous pouvez quitter cette page : l'import se poursuit et apparaîtra dans la liste des imports.</p>
      <button type="button" className="button button--ghost" onClick={onCancel}>
        Annuler l'envoi
      </button>
    </section>
  );
}
