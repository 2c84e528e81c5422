import { Link } from "react-router";
import { errorMessage } from "../../api/client";
import { formatIsoDay, formatPhone } from "../../ui/format";
import { ListCount } from "../../ui/ListCount";
import { PageHeader } from "../../ui/PageHeader";
import { ErrorState, LoadingState } from "../../ui/States";
import { actionsColumn, type Column, Table } from "../../ui/Table";
import { useToast } from "../../ui/Toasts";
import { useCompleteAction, useMyActions } from "./api";
import "./followup.css";
import type { MyAction } from "./types";

const GROUPS = [
  { key: "overdue", title: "En retard", tone: "danger", empty: "Aucune action en retard." },
  { key: "dueToday", title: "Aujourd'hui", tone: "warning", empty: "Rien d'autre pour aujourd'hui." },
  { key: "upcoming", title: "À venir", tone: "info", empty: "Aucune action prévue." },
] as const;

export function MyActionsPage() {
  const actions = useMyActions();
  return (
    <>
      <PageHeader title="Mes actions" subtitle="Devis, rendez-vous et relances décidés pendant les appels M+3, avec leur échéance." />
      {actions.isPending ? (
        <LoadingState label="Chargement des actions…" />
      ) : actions.isError ? (
        <ErrorState error={actions.error} onRetry={() => actions.refetch()} />
      ) : (
        GROUPS.map((g) => (
          <ActionList
            key={g.key}
            title={g.title}
            tone={g.tone}
            items={actions.data[g.key]}
            total={actions.data.counts[g.key]}
            empty={g.empty}
          />
        ))
      )}
    </>
  );
}

const COLUMNS: Column<MyAction>[] = [
  { key: "due", header: "Échéance", className: "nowrap", cell: (a) => formatIsoDay(a.dueDate) },
  { key: "action", header: "Action", cell: (a) => (a.origin === "callback" ? "Rappel client" : a.kindLabel) },
  {
    key: "client",
    header: "Client",
    cell: (a) => (
      <>
        <Link to={`/courtier/appels-m3/${a.followupId}`} className="table__primary">
          {a.clientName}
        </Link>
        <span className="table__secondary">{formatPhone(a.clientPhone) || "—"}</span>
      </>
    ),
  },
  { key: "note", header: "Note", className: "table__wrap", cell: (a) => a.note ?? <span className="muted">—</span> },
];

function ActionList({
  title,
  tone,
  items,
  total,
  empty,
}: {
  title: string;
  tone: string;
  items: MyAction[];
  total: number;
  empty: string;
}) {
  const complete = useCompleteAction();
  const toast = useToast();
  return (
    <section className="card card--flush" aria-labelledby={`actions-${tone}`}>
      <h2 id={`actions-${tone}`} className="card__pad">
        {title} <span className={`badge badge--${tone}`}>{total}</span>
      </h2>
      {items.length === 0 ? (
        <p className="card__pad muted">{empty}</p>
      ) : (
        <Table
          rows={items}
          rowKey={(a) => a.id}
          columns={[
            ...COLUMNS,
            actionsColumn(
              (a: MyAction) => (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={complete.isPending}
                  onClick={() =>
                    complete.mutate(a.id, {
                      onSuccess: () => toast.success("Action marquée comme faite."),
                      onError: (e) => toast.error(errorMessage(e)),
                    })
                  }
                >
                  Fait
                </button>
              ),
              { header: "Marquer comme faite" },
            ),
          ]}
          footer={total > items.length && <ListCount shown={items.length} total={total} one="action affichée" many="actions affichées" />}
        />
      )}
    </section>
  );
}
