import { useState } from "react";
import { errorMessage } from "../../api/client";
import { useProfile } from "../../app/session";
import { formatCents } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/PageHeader";
import { productLabel } from "../../ui/products";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { useToast } from "../../ui/Toasts";
import { type Order, useOrders, useSaveOrder } from "./api";
import { OrderForm } from "./OrderForm";

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
          <div className="table-wrap">
            <table className="table table--cards">
              <thead>
                <tr>
                  <th scope="col">Commande</th>
                  <th scope="col">Zone</th>
                  <th scope="col" className="numeric">
                    Cette semaine
                  </th>
                  <th scope="col" className="numeric">
                    Aujourd'hui
                  </th>
                  <th scope="col" className="numeric">
                    Reçus au total
                  </th>
                  <th scope="col">État</th>
                </tr>
              </thead>
              <tbody>
                {orders.data.map((o) => (
                  <OrderRow key={o.id} order={o} canEdit={isAdmin} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function OrderRow({ order, canEdit }: { order: Order; canEdit: boolean }) {
  const save = useSaveOrder();
  const toast = useToast();
  const next = order.status === "active" ? "paused" : "active";
  return (
    <tr>
      <td>
        <span className="table__primary">{order.name}</span>
        <span className="table__secondary">
          {order.products.map(productLabel).join(", ")} · {order.leadType === "rdv" ? "RDV qualifiés" : "Leads"}
        </span>
      </td>
      <td data-label="Zone">{order.departements.length === 0 ? "Toute la France" : order.departements.join(", ")}</td>
      <td data-label="Cette semaine" className="numeric nowrap">
        {order.receivedThisWeek} / {order.weeklyCap}
      </td>
      <td data-label="Aujourd'hui" className="numeric nowrap">
        {order.dailyCap ? `${order.receivedToday} / ${order.dailyCap}` : order.receivedToday}
      </td>
      <td data-label="Reçus au total" className="numeric nowrap">
        {order.receivedTotal}
        <span className="table__secondary">{formatCents(order.spentCents)} HT</span>
      </td>
      <td data-label="État" className="nowrap">
        <span className={order.status === "active" ? "badge badge--success" : "badge"}>
          {order.status === "active" ? "Active" : "En pause"}
        </span>
        {canEdit && (
          <button
            type="button"
            className="button button--ghost button--small"
            disabled={save.isPending}
            onClick={() => save.mutate({ id: order.id, status: next }, { onError: (e) => toast.error(errorMessage(e)) })}
          >
            {order.status === "active" ? "Mettre en pause" : "Réactiver"}
          </button>
        )}
      </td>
    </tr>
  );
}
