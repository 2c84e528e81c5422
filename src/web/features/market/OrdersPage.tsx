import { useState } from "react";
import { errorMessage } from "../../api/client";
import { useProfile } from "../../app/session";
import { formatCents } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { type Column, Table } from "../../ui/Table";
import { useToast } from "../../ui/Toasts";
import { type Order, useOrders, useSaveOrder } from "./api";
import { OrderForm } from "./OrderForm";
import { OrderStatusBadge, orderColumns } from "./order-columns";

/** "Mes commandes": standing orders for exclusive leads, what each received this week, pause and resume. */
export function OrdersPage() {
  const { user } = useProfile();
  const isAdmin = user.role === "broker_admin";
  const orders = useOrders();
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Mes commandes"
        subtitle="Vos commandes permanentes de leads en exclusivité : chaque lead accepté qui correspond vous est vendu aussitôt, dans la limite de vos plafonds et de vos crédits."
        actions={
          isAdmin && !creating ? (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              <Icon name="plus" />
              Nouvelle commande
            </button>
          ) : undefined
        }
      />
      {creating && <OrderForm onDone={() => setCreating(false)} />}
      <section className="card card--flush">
        {orders.isPending ? (
          <LoadingState label="Chargement des commandes…" />
        ) : orders.isError ? (
          <div className="card__pad">
            <ErrorState error={orders.error} onRetry={() => orders.refetch()} />
          </div>
        ) : orders.data.length === 0 ? (
          <EmptyState icon="list" title="Aucune commande pour l'instant.">
            <p>Créez une commande pour recevoir des leads en exclusivité dès leur arrivée.</p>
          </EmptyState>
        ) : (
          <Table rows={orders.data} columns={isAdmin ? ADMIN_COLUMNS : COLUMNS} rowKey={(o) => o.id} cards />
        )}
      </section>
    </>
  );
}

const { order, zone, today } = orderColumns<Order>();
const COLUMNS: Column<Order>[] = [
  { ...order, cardTitle: true },
  zone,
  { key: "week", header: "Cette semaine", className: "numeric nowrap", cell: (o) => `${o.receivedThisWeek} / ${o.weeklyCap}` },
  today,
  {
    key: "total",
    header: "Reçus au total",
    className: "numeric nowrap",
    cell: (o) => (
      <>
        {o.receivedTotal}
        <span className="table__secondary">{formatCents(o.spentCents)} HT</span>
      </>
    ),
  },
  { key: "status", header: "État", className: "nowrap", cell: (o) => <OrderStatusBadge status={o.status} /> },
];
/** The broker's admin may pause and resume each order. */
const ADMIN_COLUMNS = COLUMNS.map((c) => (c.key === "status" ? { ...c, cell: (o: Order) => <StatusCell order={o} /> } : c));

function StatusCell({ order }: { order: Order }) {
  const save = useSaveOrder();
  const toast = useToast();
  const next = order.status === "active" ? "paused" : "active";
  return (
    <>
      <OrderStatusBadge status={order.status} />
      <button
        type="button"
        className="button button--ghost button--small"
        disabled={save.isPending}
        onClick={() => save.mutate({ id: order.id, status: next }, { onError: (e) => toast.error(errorMessage(e)) })}
      >
        {order.status === "active" ? "Mettre en pause" : "Réactiver"}
      </button>
    </>
  );
}
