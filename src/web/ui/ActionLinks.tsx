import type { ReactNode } from "react";
import { Link } from "react-router";
import { Icon } from "./Icon";

/** A page's "+ Nouveau …" action, to the creation page. */
export function NewLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link className="button button--primary" to={to}>
      <Icon name="plus" />
      {children}
    </Link>
  );
}

/** A list's CSV export, with the list's filters in its address. */
export function ExportCsvLink({ href }: { href: string }) {
  return (
    <a className="button button--secondary" href={href} download>
      <Icon name="download" />
      Exporter en CSV
    </a>
  );
}
