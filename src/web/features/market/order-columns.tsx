import { productLabel } from "../../ui/products";
import type { Column } from "../../ui/Table";
import type { Order } from "./api";
import { LEAD_TYPE_OPTIONS } from "./labels";

/** What the broker's list of orders and the operator's overview both show of an order. */
type OrderFacts = Pick<Order, "name" | "products" | "leadType" | "departements" | "receivedToday" | "dailyCap" | "status">;

const leadTypes = (type: Order["leadType"]) => LEAD_TYPE_OPTIONS.find((o) => o.value === type)?.label;

export function OrderStatusBadge({ status }: { status: Order["status"] }) {
  return <span className={status === "active" ? "badge badge--success" : "badge"}>{status === "active" ? "Active" : "En pause"}</span>;
}

/** The order (its name, products and type), its zone, and today's leads against the daily cap. */
export function orderColumns<T extends OrderFacts>(): Record<"order" | "zone" | "today", Column<T>> {
  return {
    order: {
      key: "order",
      header: "Commande",
      cell: (o) => (
        <>
          <span className="table__primary">{o.name}</span>
          <span className="table__secondary">
            {o.products.map(productLabel).join(", ")} · {leadTypes(o.leadType)}
          </span>
        </>
      ),
    },
    zone: { key: "zone", header: "Zone", cell: (o) => (o.departements.length === 0 ? "Toute la France" : o.departements.join(", ")) },
    today: {
      key: "today",
      header: "Aujourd'hui",
      className: "numeric nowrap",
      cell: (o) => (o.dailyCap ? `${o.receivedToday} / ${o.dailyCap}` : o.receivedToday),
    },
  };
}
