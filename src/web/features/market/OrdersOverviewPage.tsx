import { LEAD_TYPE_LABELS } from "../../../modules/market/rules/sale-terms";
import { formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { productLabel } from "../../ui/products";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { type OrderOverview, useOrdersOverview } from "./api";

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
            <div className="table-wrap">
              <table className="table table--cards">
                <thead>
                  <tr>
                    <th scope="col">Cabinet</th>
                    <th scope="col">Commande</th>
                    <th scope="col">Zone</th>
                    <th scope="col" className="numeric">
                      Cette semaine
                    </th>
                    <th scope="col" className="numeric">
                      Aujourd'hui
                    </th>
                    <th scope="col">Dernier lead</th>
                    <th scope="col">État</th>
                  </tr>
                </thead>
                <tbody>
                  {orders.data.map((o) => (
                    <Row key={o.id} order={o} />
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

function Row({ order }: { order: OrderOverview }) {
  const full = order.receivedThisWeek >= order.weeklyCap;
  return (
    <tr>
      <td data-label="Cabinet" className="table__primary">
        {order.brokerage}
      </td>
      <td data-label="Commande">
        <span className="table__primary">{order.name}</span>
        <span className="table__secondary">
          {order.products.map(productLabel).join(", ")} · {LEAD_TYPE_LABELS[order.leadType]}
        </span>
      </td>
      <td data-label="Zone">{order.departements.length === 0 ? "Toute la France" : order.departements.join(", ")}</td>
      <td data-label="Cette semaine" className="numeric nowrap">
        <span className={full ? "badge badge--warning" : undefined}>
          {order.receivedThisWeek} / {order.weeklyCap}
        </span>
      </td>
      <td data-label="Aujourd'hui" className="numeric nowrap">
        {order.dailyCap ? `${order.receivedToday} / ${order.dailyCap}` : order.receivedToday}
      </td>
      <td data-label="Dernier lead" className="nowrap">
        {formatDateTime(order.lastServedAt)}
      </td>
      <td data-label="État">
        <span className={order.status === "active" ? "badge badge--success" : "badge"}>
          {order.status === "active" ? "Active" : "En pause"}
        </span>
      </td>
    </tr>
  );
}
