import { formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { type Column, Table } from "../../ui/Table";
import { type OrderOverview, useOrdersOverview } from "./api";
import { OrderStatusBadge, orderColumns } from "./order-columns";

/** The operator's view of every brokerage's standing orders: what each received this week against its caps. */
export function OrdersOverviewPage() {
  const orders = useOrdersOverview();
  const active = orders.data?.filter((o) => o.status === "active").length ?? 0;
  return (
    <>
      <PageHeader
        title="Commandes des cabinets"
        subtitle="Toutes les commandes permanentes en exclusivité, ce qu'elles ont reçu cette semaine (heure de Paris) et leurs plafonds."
      />
      <section className="card">
        {orders.isPending ? (
          <LoadingState label="Chargement des commandes…" />
        ) : orders.isError ? (
          <ErrorState error={orders.error} onRetry={() => orders.refetch()} />
        ) : orders.data.length === 0 ? (
          <EmptyState icon="list" title="Aucune commande pour l'instant." />
        ) : (
          <>
            <p className="muted">
              {active} active{active > 1 ? "s" : ""} sur {orders.data.length}
            </p>
            <Table rows={orders.data} columns={COLUMNS} rowKey={(o) => o.id} cards />
          </>
        )}
      </section>
    </>
  );
}

const { order, zone, today } = orderColumns<OrderOverview>();
const COLUMNS: Column<OrderOverview>[] = [
  { key: "brokerage", header: "Cabinet", cell: (o) => <span className="table__primary">{o.brokerage}</span> },
  order,
  zone,
  {
    key: "week",
    header: "Cette semaine",
    className: "numeric nowrap",
    cell: (o) => (
      <span className={o.receivedThisWeek >= o.weeklyCap ? "badge badge--warning" : undefined}>
        {o.receivedThisWeek} / {o.weeklyCap}
      </span>
    ),
  },
  today,
  { key: "last", header: "Dernier lead", className: "nowrap", cell: (o) => formatDateTime(o.lastServedAt) },
  { key: "status", header: "État", cell: (o) => <OrderStatusBadge status={o.status} /> },
];
