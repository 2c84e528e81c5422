import { useState } from "react";
import { errorMessage } from "../../api/client";
import { ListCard } from "../../ui/ListCard";
import { PageHeader } from "../../ui/PageHeader";
import { PagedFooter } from "../../ui/Pager";
import { EmptyState } from "../../ui/States";
import { useToast } from "../../ui/Toasts";
import { useUrlFilters } from "../../ui/url-filters";
import { type Hold, type MarketFilters, type MarketLead, type Purchase, useBuyLead, useHoldLead, useMarket } from "./api";
import { BuyDialog } from "./BuyDialog";
import { HoldPanel } from "./HoldPanel";
import { MarketFiltersBar } from "./MarketFiltersBar";
import { MarketTable } from "./MarketTable";
import { PurchaseDone } from "./PurchaseDone";

const NUMBER_KEYS = ["minPriceCents", "maxPriceCents", "page"];

/**
 * The "salle de marché": leads no order took, bought one at a time, by credits in one step (« Acheter »), or
 * held for 5 minutes while paying by credits or card (« Réserver »).
 */
export function MarketPage() {
  const [filters, onChange] = useUrlFilters<MarketFilters>(NUMBER_KEYS);
  const list = useMarket(filters);
  const holdLead = useHoldLead();
  const toast = useToast();
  const [current, setCurrent] = useState<{ hold: Hold; lead: MarketLead } | null>(null);
  const buyLead = useBuyLead();
  /** The lead the broker is about to buy, with the key of that intention: confirming twice buys once. */
  const [buying, setBuying] = useState<{ lead: MarketLead; key: string } | null>(null);
  const [bought, setBought] = useState<Purchase | null>(null);

  const buy = () => {
    if (!buying) return;
    buyLead.mutate(
      { leadId: buying.lead.leadId, key: buying.key },
      {
        onSuccess: (purchase) => {
          setBuying(null);
          setCurrent(null);
          setBought(purchase);
        },
        onError: (e) => {
          setBuying(null);
          toast.error(errorMessage(e));
        },
      },
    );
  };

  const reserve = (lead: MarketLead) => {
    // One key per intention to buy this lead: a double click or a retried request gives back the same hold.
    const key = `${lead.leadId}:${crypto.randomUUID()}`;
    holdLead.mutate(
      { leadId: lead.leadId, key },
      {
        onSuccess: (hold) => {
          setBought(null);
          setCurrent({ hold, lead });
        },
        onError: (e) => toast.error(errorMessage(e)),
      },
    );
  };

  const data = list.data;

  return (
    <>
      <PageHeader
        title="Salle de marché"
        subtitle="Leads non vendus en exclusivité, à l'unité. Nom et coordonnées sont révélés après l'achat. La liste se met à jour toute seule."
      />
      {bought && <PurchaseDone purchase={bought} onClose={() => setBought(null)} />}
      {current && <HoldPanel hold={current.hold} lead={current.lead} onClose={() => setCurrent(null)} />}
      <BuyDialog lead={buying?.lead ?? null} busy={buyLead.isPending} onConfirm={buy} onCancel={() => setBuying(null)} />
      <MarketFiltersBar filters={filters} onChange={onChange} />
      <ListCard
        query={list}
        loadingLabel="Chargement de la salle de marché…"
        isEmpty={!data || data.items.length === 0}
        empty={
          <EmptyState icon="list" title="Aucun lead en vente ne correspond à ces critères.">
            <p>Les nouveaux leads non vendus en exclusivité apparaissent ici dès leur réception.</p>
          </EmptyState>
        }
      >
        {() =>
          data && (
            <>
              <MarketTable
                leads={data.items}
                busyLeadId={holdLead.isPending ? (holdLead.variables?.leadId ?? null) : null}
                onBuy={(lead) => setBuying({ lead, key: `${lead.leadId}:${crypto.randomUUID()}` })}
                onReserve={reserve}
              />
              <PagedFooter
                list={data}
                page={filters.page ?? 1}
                onPage={(page) => onChange({ ...filters, page })}
                count={(total, capped) => (capped ? `Plus de ${total} leads en vente` : `${total} lead(s) en vente`)}
              />
            </>
          )
        }
      </ListCard>
    </>
  );
}
