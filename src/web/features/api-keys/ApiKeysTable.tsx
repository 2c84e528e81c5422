import { formatDateTime } from "../../ui/format";
import { actionsColumn, type Column, Table } from "../../ui/Table";
import type { ApiKey } from "./api";

export function ApiKeysTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke(key: ApiKey): void }) {
  const columns: Column<ApiKey>[] = [
    { key: "name", header: "Nom", sortValue: (key) => key.name, cell: (key) => <span className="table__primary">{key.name}</span> },
    { key: "prefix", header: "Préfixe", cell: (key) => <code>{key.prefix}…</code> },
    {
      key: "createdAt",
      header: "Créée le",
      className: "nowrap",
      sortValue: (key) => key.createdAt,
      cell: (key) => formatDateTime(key.createdAt),
    },
    {
      key: "lastUsedAt",
      header: "Dernière utilisation",
      className: "nowrap",
      sortValue: (key) => key.lastUsedAt,
      cell: (key) => formatDateTime(key.lastUsedAt, "Jamais"),
    },
    {
      key: "status",
      header: "Statut",
      cell: (key) =>
        key.revokedAt ? (
          <>
            <span className="badge">Révoquée</span>
            <span className="table__secondary nowrap">le {formatDateTime(key.revokedAt)}</span>
          </>
        ) : (
          <span className="badge badge--success">Active</span>
        ),
    },
    actionsColumn(
      (key) =>
        !key.revokedAt && (
          <button
            type="button"
            className="button button--danger-ghost button--small"
            onClick={() => onRevoke(key)}
            aria-label={`Révoquer la clé ${key.name}`}
          >
            Révoquer
          </button>
        ),
    ),
  ];
  return <Table rows={keys} columns={columns} rowKey={(key) => key.id} rowClassName={(key) => (key.revokedAt ? "is-muted" : undefined)} />;
}
