import { formatDateTime } from "../../ui/format";
import type { ApiKey } from "./api";

export function ApiKeysTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke(key: ApiKey): void }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Préfixe</th>
            <th scope="col">Créée le</th>
            <th scope="col">Dernière utilisation</th>
            <th scope="col">Statut</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} className={key.revokedAt ? "is-muted" : undefined}>
              <td>
                <span className="table__primary">{key.name}</span>
              </td>
              <td>
                <code>{key.prefix}…</code>
              </td>
              <td className="nowrap">{formatDateTime(key.createdAt)}</td>
              <td className="nowrap">{formatDateTime(key.lastUsedAt, "Jamais")}</td>
              <td>
                {key.revokedAt ? (
                  <>
                    <span className="badge">Révoquée</span>
                    <span className="table__secondary nowrap">le {formatDateTime(key.revokedAt)}</span>
                  </>
                ) : (
                  <span className="badge badge--success">Active</span>
                )}
              </td>
              <td className="actions">
                {!key.revokedAt && (
                  <button
                    type="button"
                    className="button button--danger-ghost button--small"
                    onClick={() => onRevoke(key)}
                    aria-label={`Révoquer la clé ${key.name}`}
                  >
                    Révoquer
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
