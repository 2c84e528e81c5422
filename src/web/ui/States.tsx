import type { ReactNode } from "react";
import { errorMessage } from "../api/client";
import { Alert } from "./Alert";
import { Icon, type IconName } from "./Icon";

export function Spinner({ label = "Chargement…" }: { label?: string }) {
  return (
    <span className="spinner" role="status">
      <span className="spinner__circle" aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export function LoadingState({ label = "Chargement…" }: { label?: string }) {
  return (
    <div className="state state--loading" aria-busy="true">
      <Spinner label={label} />
      <span>{label}</span>
    </div>
  );
}

export function EmptyState({ icon = "info", title, children }: { icon?: IconName; title: string; children?: ReactNode }) {
  return (
    <div className="state state--empty">
      <Icon name={icon} size={28} />
      <p className="state__title">{title}</p>
      {children && <div className="state__body">{children}</div>}
    </div>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Alert kind="error" title="Impossible de charger les données">
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Réessayer
        </button>
      )}
    </Alert>
  );
}
