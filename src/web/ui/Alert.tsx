import type { ReactNode } from "react";
import { Icon, type IconName } from "./Icon";

type AlertKind = "info" | "success" | "warning" | "error";

const ICONS: Record<AlertKind, IconName> = { info: "info", success: "check", warning: "alert", error: "alert" };

export function Alert({ kind = "info", title, children }: { kind?: AlertKind; title?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert--${kind}`} role={kind === "error" ? "alert" : "status"}>
      <Icon name={ICONS[kind]} className="alert__icon" />
      <div className="alert__body">
        {title && <p className="alert__title">{title}</p>}
        {children}
      </div>
    </div>
  );
}
