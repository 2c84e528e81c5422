import { useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { errorMessage } from "../../api/client";
import { Alert } from "../../ui/Alert";
import { Field } from "../../ui/Field";
import { FileDrop } from "../../ui/FileDrop";
import { pluralize } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/PageHeader";
import { ProductSelect } from "../../ui/ProductSelect";
import { useToast } from "../../ui/Toasts";
import { leadKeys } from "../leads/api";
import { createImport, importKeys, useImportProgress } from "./api";
import { ImportHistory } from "./ImportHistory";
import { ImportProgress } from "./ImportProgress";
import { ImportSummary } from "./ImportSummary";
import { ResumeImport } from "./ResumeImport";
import { type CsvImport, templateUrl } from "./types";
import { uploadImportFile } from "./upload";

type Run =
  | { phase: "uploading"; id: string | null; filename: string; sent: number; total: number }
  | { phase: "finished"; summary: CsvImport }
  | { phase: "error"; message: string };

/** A new import (its product chosen in the form), or the resumption of an interrupted one. */
type Target = { product: string } | { resume: CsvImport };

export function ImportPage() {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [product, setProduct] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<{ product?: string; file?: string }>({});
  const [run, setRun] = useState<Run | null>(null);
  const [resuming, setResuming] = useState<CsvImport | null>(null);
  const abortRef = useRef<(() => void) | null>(null);
  const uploading = run?.phase === "uploading" ? run : null;
  const progress = useImportProgress(uploading?.id ?? null, uploading !== null);

  function start() {
    const problems = {
      product: product ? undefined : "Choisissez le produit des leads du fichier.",
      file: !file ? "Choisissez un fichier CSV." : file.size === 0 ? "Ce fichier est vide." : undefined,
    };
    setErrors(problems);
    if (!file || problems.product || problems.file) return;
    return send(file, { product });
  }

  async function send(file: File, target: Target) {
    setRun({ phase: "uploading", id: "resume" in target ? target.resume.id : null, filename: file.name, sent: 0, total: file.size });
    try {
      const id =
        "resume" in target
          ? target.resume.id
          : (await createImport({ product: target.product, filename: file.name, sizeBytes: file.size })).id;
      setRun((r) => (r?.phase === "uploading" ? { ...r, id } : r));
      queryClient.invalidateQueries({ queryKey: importKeys.list });
      const upload = uploadImportFile(id, file, (sent, total) => setRun((r) => (r?.phase === "uploading" ? { ...r, sent, total } : r)));
      abortRef.current = upload.abort;
      const summary = await upload.done;
      setResuming(null);
      setRun({ phase: "finished", summary });
      if (summary.status === "done")
        toast.success(
          `Import terminé : ${pluralize(summary.accepted, "ligne acceptée", "lignes acceptées")}, ${pluralize(summary.rejected, "rejetée", "rejetées")}.`,
        );
    } catch (e) {
      setRun({ phase: "error", message: errorMessage(e) });
    } finally {
      abortRef.current = null;
      queryClient.invalidateQueries({ queryKey: importKeys.list });
      queryClient.invalidateQueries({ queryKey: leadKeys.all });
    }
  }

  function reset() {
    setRun(null);
    setFile(null);
    setResuming(null);
  }

  return (
    <>
      <PageHeader
        title="Import CSV"
        subtitle="Envoyez un fichier de leads d'un même produit : chaque ligne est acceptée ou rejetée avec ses motifs."
      />
      {run?.phase === "finished" ? (
        <ImportSummary summary={run.summary} onAnother={reset} />
      ) : uploading ? (
        <ImportProgress
          filename={uploading.filename}
          sent={uploading.sent}
          total={uploading.total}
          server={progress.data}
          onCancel={() => abortRef.current?.()}
        />
      ) : resuming ? (
        <ResumeImport
          target={resuming}
          error={run?.phase === "error" ? run.message : undefined}
          onResume={(f) => send(f, { resume: resuming })}
          onCancel={reset}
        />
      ) : (
        <section className="card form-section" aria-labelledby="import-form-title">
          <h2 id="import-form-title">Nouvel import</h2>
          {run?.phase === "error" && (
            <Alert kind="error" title="L'import a échoué">
              <p>{run.message}</p>
            </Alert>
          )}
          <div className="import-form">
            <div>
              <Field id="import-product" label="Produit" required error={errors.product}>
                {(c) => (
                  <ProductSelect
                    {...c}
                    value={product}
                    onChange={(v) => {
                      setProduct(v);
                      setErrors((e) => ({ ...e, product: undefined }));
                    }}
                  />
                )}
              </Field>
              {product ? (
                <p className="small">
                  <a href={templateUrl(product)} download className="link-icon">
                    <Icon name="download" size={16} />
                    Télécharger le modèle CSV de ce produit
                  </a>
                </p>
              ) : (
                <p className="small muted">Choisissez un produit pour télécharger son modèle de fichier.</p>
              )}
              <ul className="small muted plain-list import-form__rules">
                <li>Séparateur « ; » ou « , », encodage UTF-8 ou Windows (Excel).</li>
                <li>Une ligne par lead, 100 000 lignes et 200 Mo au plus.</li>
                <li>Consentement : version du texte en vigueur, date et heure du recueil, IP, user-agent et URL (ou centre d'appels).</li>
              </ul>
            </div>
            <FileDrop
              file={file}
              accept=".csv,text/csv"
              error={errors.file}
              onFile={(f) => {
                setFile(f);
                setErrors((e) => ({ ...e, file: undefined }));
              }}
            />
          </div>
          <div className="form-actions">
            <button type="button" className="button button--primary button--large" onClick={start}>
              <Icon name="upload" />
              Importer le fichier
            </button>
          </div>
        </section>
      )}
      <ImportHistory
        onResume={(i) => {
          setRun(null);
          setResuming(i);
          window.scrollTo({ top: 0 });
        }}
      />
    </>
  );
}
