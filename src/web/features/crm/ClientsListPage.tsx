import { useMemo } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { CLIENT_TYPE_LABELS, CLIENT_TYPE_OPTIONS } from "../../../modules/crm/rules/client-model";
import { NewLink } from "../../ui/ActionLinks";
import { Field } from "../../ui/Field";
import { formatIsoDay, formatNumber, formatPhone, pluralize } from "../../ui/format";
import { ListCard } from "../../ui/ListCard";
import { PageHeader } from "../../ui/PageHeader";
import { SearchBar } from "../../ui/SearchBar";
import { EmptyState } from "../../ui/States";
import { type Column, Table } from "../../ui/Table";
import { PAGE_SIZE, useAgencies, useClients, useTeam } from "./api";
import "./crm.css";
import type { ClientFilters, ClientSummary } from "./types";

const FILTER_KEYS = ["q", "type", "agencyId", "accountManagerId", "page"] as const;

export function ClientsListPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const f: ClientFilters = {};
    for (const k of FILTER_KEYS) {
      const v = params.get(k);
      if (v) f[k] = v;
    }
    return f;
  }, [params]);
  const apply = (next: ClientFilters) => {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) p.set(k, next[k] as string);
    setParams(p, { replace: true });
  };
  // Any filter change goes back to the first page.
  const set = (key: keyof ClientFilters, value: string) => apply({ ...filters, [key]: value || undefined, page: undefined });
  const list = useClients(filters);
  const agencies = useAgencies();
  const team = useTeam();

  const page = Number(filters.page ?? "1");
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title="Clients"
        subtitle="Les clients du cabinet, leurs contrats et ce qu'il reste à compléter dans leur dossier."
        actions={<NewLink to="/courtier/nouveau-client">Nouveau client</NewLink>}
      />
      <form className="filters crm-filters card" aria-label="Filtrer les clients" onSubmit={(e) => e.preventDefault()}>
        <SearchBar id="clients-q" placeholder="Nom, ville, téléphone, SIRET, référence" value={filters.q} onSearch={(q) => set("q", q)} />
        <Field id="clients-type" label="Type">
          {(c) => (
            <select {...c} className="input" value={filters.type ?? ""} onChange={(e) => set("type", e.target.value)}>
              <option value="">Tous</option>
              {CLIENT_TYPE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="clients-agency" label="Agence">
          {(c) => (
            <select {...c} className="input" value={filters.agencyId ?? ""} onChange={(e) => set("agencyId", e.target.value)}>
              <option value="">Toutes</option>
              {(agencies.data ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
              <option value="none">Sans agence</option>
            </select>
          )}
        </Field>
        <Field id="clients-manager" label="Chargé(e) de clientèle">
          {(c) => (
            <select
              {...c}
              className="input"
              value={filters.accountManagerId ?? ""}
              onChange={(e) => set("accountManagerId", e.target.value)}
            >
              <option value="">Tous</option>
              {(team.data ?? []).map((u) => (
                <option key={u.id} value={u.id}>
                  {u.firstName} {u.lastName}
                </option>
              ))}
              <option value="none">Sans chargé(e)</option>
            </select>
          )}
        </Field>
      </form>
      <ListCard
        query={list}
        loadingLabel="Chargement des clients…"
        isEmpty={list.data?.items.length === 0}
        empty={
          <EmptyState icon="list" title="Aucun client ne correspond à ces critères.">
            <p>Créez un client ou importez l'export de votre CRM.</p>
          </EmptyState>
        }
      >
        {() =>
          list.data && (
            <>
              <ClientsTable clients={list.data.items} />
              <div className="table-footer">
                <span className="muted">{pluralize(total, "client", "clients")}</span>
                <span className="crm-pager">
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={page <= 1}
                    onClick={() => apply({ ...filters, page: String(page - 1) })}
                  >
                    Précédents
                  </button>
                  <span className="small">
                    Page {formatNumber(page)} / {formatNumber(pages)}
                  </span>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={page >= pages}
                    onClick={() => apply({ ...filters, page: String(page + 1) })}
                  >
                    Suivants
                  </button>
                </span>
              </div>
            </>
          )
        }
      </ListCard>
    </>
  );
}

const clientPath = (c: ClientSummary) => `/courtier/clients/${c.id}`;

const CLIENT_COLUMNS: Column<ClientSummary>[] = [
  {
    key: "client",
    header: "Client",
    cell: (c) => (
      <>
        <Link to={clientPath(c)} className="table__primary" onClick={(e) => e.stopPropagation()}>
          {c.displayName}
        </Link>
        <span className="table__secondary">
          {[c.postalCode && `${c.postalCode} ${c.city ?? ""}`.trim(), formatPhone(c.phone)].filter(Boolean).join(" · ") || "—"}
        </span>
      </>
    ),
  },
  {
    key: "type",
    header: "Type",
    cell: (c) => (
      <>
        {CLIENT_TYPE_LABELS[c.type]}
        {c.isTns && (
          <>
            {" "}
            <span className="badge badge--info">TNS</span>
          </>
        )}
      </>
    ),
  },
  { key: "agency", header: "Agence", cell: (c) => c.agency?.name ?? <span className="badge badge--warning">À affecter</span> },
  {
    key: "manager",
    header: "Chargé(e) de clientèle",
    cell: (c) => c.accountManager?.name ?? <span className="badge badge--warning">À affecter</span>,
  },
  {
    key: "firstContract",
    header: "1er contrat",
    className: "nowrap",
    cell: (c) => (
      <>
        {c.firstContractStart ? formatIsoDay(c.firstContractStart) : "—"}
        <span className="table__secondary">{pluralize(c.contractsCount, "contrat", "contrats")}</span>
      </>
    ),
  },
  {
    key: "record",
    header: "Dossier",
    cell: (c) =>
      c.toComplete === 0 ? (
        <span className="badge badge--success">Complet</span>
      ) : (
        <span className="badge badge--warning">{c.toComplete} à compléter</span>
      ),
  },
];

function ClientsTable({ clients }: { clients: ClientSummary[] }) {
  const navigate = useNavigate();
  return <Table rows={clients} columns={CLIENT_COLUMNS} rowKey={(c) => c.id} onRowClick={(c) => navigate(clientPath(c))} />;
}
