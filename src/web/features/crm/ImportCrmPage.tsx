import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { api, errorMessage } from "../../api/client";
import { useProfile } from "../../app/session";
import { Alert } from "../../ui/Alert";
import { FileDrop } from "../../ui/FileDrop";
import { formatBytes, formatNumber } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { ProgressBar } from "../../ui/ProgressBar";
import { EmptyState } from "../../ui/States";
import { StepSection } from "../../ui/StepSection";
import { crmKeys, useImportProgress } from "./api";
import "./crm.css";
import { ImportHistory, ImportReport } from "./ImportReport";
import { previewFile, uploadFile } from "./import-upload";
import { MappingTable, mappingProblems } from "./MappingTable";
import type { CrmImport, ImportPreview } from "./types";

type Step =
  | { step: "file"; error?: string }
  | { step: "mapping"; preview: ImportPreview; mapping: Record<string, string>; error?: string }
  | { step: "running"; id: string | null; sent: number; total: number }
  | { step: "report"; summary: CrmImport };

/** Upload → mapping of the columns → import with its progress → report. */
export function ImportCrmPage() {
  const { user } = useProfile();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [state, setState] = useState<Step>({ step: "file" });
  const [busy, setBusy] = useState(false);
  const progress = useImportProgress(state.step === "running" ? state.id : null, state.step === "running");

  if (user.role !== "broker_admin") {
    return (
      <>
        <PageHeader title="Import CRM" />
        <EmptyState icon="shield" title="L'import du CRM est réservé aux administrateurs du cabinet." />
      </>
    );
  }

  async function analyse() {
    if (!file) return setState({ step: "file", error: "Choisissez le fichier CSV exporté de votre CRM." });
    setBusy(true);
    try {
      const preview = await previewFile(file);
      const mapping = Object.fromEntries(preview.columns.map((c) => [c, preview.suggestedMapping[c] ?? ""]));
      setState({ step: "mapping", preview, mapping });
    } catch (e) {
      setState({ step: "file", error: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  }

  async function run(mapping: Record<string, string>) {
    if (!file) return;
    setState({ step: "running", id: null, sent: 0, total: file.size });
    try {
      const { id } = await api<{ id: string }>("/api/v1/crm/imports", {
        method: "POST",
        body: { filename: file.name, sizeBytes: file.size, mapping },
      });
      setState({ step: "running", id, sent: 0, total: file.size });
      const summary = await uploadFile(id, file, (sent, total) => setState((s) => (s.step === "running" ? { ...s, sent, total } : s)));
      setState({ step: "report", summary });
    } catch (e) {
      setState((s) => (s.step === "running" ? { step: "file", error: errorMessage(e) } : s));
    } finally {
      queryClient.invalidateQueries({ queryKey: crmKeys.all });
    }
  }

  return (
    <>
      <PageHeader
        title="Import CRM"
        subtitle="Importez les clients et contrats exportés de votre CRM : une ligne = un contrat et son client."
      />
      {state.step === "file" && (
        <StepSection id="crm-import-file-title" step={1} title="Fichier">
          {state.error && (
            <Alert kind="error" title="Import impossible">
              <p>{state.error}</p>
            </Alert>
          )}
          <FileDrop file={file} accept=".csv,text/csv" onFile={setFile} />
          <ul className="small muted plain-list">
            <li>CSV exporté d'Excel ou du CRM : séparateur « ; » ou « , », encodage UTF-8 ou Windows.</li>
            <li>
              Jusqu'à 50 000 lignes. Les lignes d'un même client (même référence, même SIRET, ou même nom, date de naissance et code postal)
              sont regroupées.
            </li>
            <li>Un nouvel import du même fichier met les fiches à jour au lieu de les dupliquer.</li>
          </ul>
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void analyse()}>
              {busy ? "Analyse…" : "Analyser les colonnes"}
            </button>
          </div>
        </StepSection>
      )}
      {state.step === "mapping" && (
        <MappingStep
          state={state}
          filename={file?.name ?? ""}
          onChange={(mapping) => setState({ ...state, mapping })}
          onBack={() => setState({ step: "file" })}
          onRun={() => void run(state.mapping)}
        />
      )}
      {state.step === "running" && (
        <StepSection id="crm-import-running-title" step={3} title="Import en cours" live>
          <ProgressBar
            label="Envoi du fichier"
            value={state.sent}
            max={state.total}
            detail={`${formatBytes(state.sent)} / ${formatBytes(state.total)}`}
          />
          <ProgressBar
            label="Traitement des lignes"
            value={progress.data?.bytesRead ?? 0}
            max={progress.data?.sizeBytes ?? state.total}
            detail={`${formatNumber(progress.data?.totalRows ?? 0)} lignes traitées`}
          />
        </StepSection>
      )}
      {state.step === "report" && (
        <ImportReport
          summary={state.summary}
          onAnother={() => {
            setFile(null);
            setState({ step: "file" });
          }}
        />
      )}
      <ImportHistory />
    </>
  );
}

function MappingStep({
  state,
  filename,
  onChange,
  onBack,
  onRun,
}: {
  state: Extract<Step, { step: "mapping" }>;
  filename: string;
  onChange(mapping: Record<string, string>): void;
  onBack(): void;
  onRun(): void;
}) {
  const problems = mappingProblems(state.preview, state.mapping);
  const mapped = Object.values(state.mapping).filter(Boolean).length;
  return (
    <StepSection id="crm-import-mapping-title" step={2} title="Correspondance des colonnes">
      <p className="muted">
        {filename} — {state.preview.columns.length} colonnes, encodage{" "}
        {state.preview.encoding === "windows-1252" ? "Windows (Excel)" : "UTF-8"}, séparateur « {state.preview.delimiter} ». {mapped}{" "}
        colonne(s) reconnue(s) : vérifiez et complétez.
      </p>
      <MappingTable preview={state.preview} mapping={state.mapping} onChange={onChange} />
      {problems.length > 0 && (
        <Alert kind="warning" title="Correspondance incomplète">
          <ul className="plain-list">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onBack}>
          Changer de fichier
        </button>
        <button type="button" className="button button--primary" disabled={problems.length > 0} onClick={onRun}>
          Lancer l'import
        </button>
      </div>
    </StepSection>
  );
}
