import { type DragEvent, useId, useState } from "react";
import { formatBytes } from "./format";
import { Icon } from "./Icon";

interface Props {
  file: File | null;
  accept: string;
  disabled?: boolean;
  error?: string;
  onFile(file: File | null): void;
}

/** A real file input (keyboard and screen readers) inside a zone that also accepts a dropped file. */
export function FileDrop({ file, accept, disabled, error, onFile }: Props) {
  const id = useId();
  const [over, setOver] = useState(false);

  function onDrop(e: DragEvent) {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const dropped = e.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  }

  return (
    <div className="field">
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the file input inside is the accessible way */}
      <div
        className={`dropzone${over ? " dropzone--over" : ""}${file ? " dropzone--filled" : ""}${error ? " dropzone--invalid" : ""}`}
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Icon name={file ? "file" : "upload"} size={28} />
        {file ? (
          <p className="dropzone__file">
            <strong>{file.name}</strong> <span className="muted">({formatBytes(file.size)})</span>
          </p>
        ) : (
          <p className="dropzone__hint">Glissez votre fichier CSV ici, ou</p>
        )}
        <label htmlFor={id} className={`button button--secondary${disabled ? " is-disabled" : ""}`}>
          {file ? "Choisir un autre fichier" : "Parcourir…"}
        </label>
        <input
          id={id}
          className="visually-hidden"
          type="file"
          accept={accept}
          disabled={disabled}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        />
      </div>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
