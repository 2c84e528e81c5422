import { ExportCsvLink } from "../../ui/ActionLinks";
import { ListCard } from "../../ui/ListCard";
import { PageHeader } from "../../ui/PageHeader";
import { PagedFooter } from "../../ui/Pager";
import { EmptyState } from "../../ui/States";
import { useUrlFilters } from "../../ui/url-filters";
import { type BrokerLeadFilters, exportUrl, useBrokerLeads } from "./api";
import { BrokerDashboardCard } from "./BrokerDashboardCard";
import { BrokerLeadFiltersBar } from "./BrokerLeadFiltersBar";
import { BrokerLeadsTable } from "./BrokerLeadsTable";

/** The leads and RDV the brokerage bought: this week's figures, then the list to work from. */
export function BrokerLeadsPage() {
  const [filters, onChange] = useUrlFilters<BrokerLeadFilters>();
  const list = useBrokerLeads(filters);
  const data = list.data;
  const filtered = Object.keys(filters).some((k) => k !== "page");

  return (
    <>
      <PageHeader
        title="Mes leads et RDV"
        subtitle="Les leads et rendez-vous achetés par votre cabinet, avec leur preuve de consentement. Appelez dans les 30 jours qui suivent le consentement."
        actions={<ExportCsvLink href={exportUrl(filters)} />}
      />
      <BrokerDashboardCard />
      <BrokerLeadFiltersBar filters={filters} onChange={onChange} />
      <ListCard
        query={list}
        loadingLabel="Chargement de vos leads…"
        isEmpty={!data || data.items.length === 0}
        empty={
          <EmptyState icon="list" title={filtered ? "Aucun lead ne correspond à ces critères." : "Vous n'avez encore acheté aucun lead."}>
            {filtered ? (
              <button type="button" className="button button--secondary" onClick={() => onChange({})}>
                Effacer les filtres
              </button>
            ) : (
              <p>Les leads achetés en salle de marché ou reçus par vos commandes exclusives apparaissent ici.</p>
            )}
          </EmptyState>
        }
      >
        {() =>
          data && (
            <>
              <BrokerLeadsTable leads={data.items} />
              <PagedFooter
                list={data}
                page={filters.page ?? 1}
                onPage={(page) => onChange({ ...filters, page })}
                count={(total, capped) => (capped ? `Plus de ${total} leads` : `${total} lead(s)`)}
                testId="bl-total"
              />
            </>
          )
        }
      </ListCard>
    </>
  );
}
