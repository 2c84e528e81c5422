import { Link } from "react-router";
import { CHANNEL_LABELS } from "../../../modules/market/rules/sale-terms";
import { useProfile } from "../../app/session";
import { departementLabel } from "../../ui/departements";
import { formatCents, formatDateTime, formatNumber } from "../../ui/format";
import { Kpis } from "../../ui/Kpis";
import { PageHeader } from "../../ui/PageHeader";
import { productLabel } from "../../ui/products";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { type Column, Table } from "../../ui/Table";
import { type MarketSummary, useMarketSummary } from "../market/api";
import { WeekChart } from "./WeekChart";

const LATEST_COLUMNS: Column<MarketSummary["latest"][number]>[] = [
  {
    key: "product",
    header: "Produit",
    cardTitle: true,
    cell: (l) => <Link to={`/courtier/leads/${l.leadId}`}>{productLabel(l.product)}</Link>,
  },
  { key: "departement", header: "Département", cell: (l) => departementLabel(l.departement) },
  {
    key: "channel",
    header: "Canal",
    cell: (l) => <span className={l.channel === "exclusive" ? "badge badge--info" : "badge"}>{CHANNEL_LABELS[l.channel]}</span>,
  },
  { key: "price", header: "Prix HT", className: "numeric nowrap", cell: (l) => formatCents(l.priceCents) },
  { key: "soldAt", header: "Reçu le", className: "nowrap", cell: (l) => formatDateTime(l.soldAt) },
];

/** The broker's home: this month's spend (HT), this week's leads by product, the credit balance and the latest leads. */
export function BrokerHomePage() {
  const { user, organisation } = useProfile();
  const summary = useMarketSummary();
  const weekTotal = summary.data?.weekByProduct.reduce((s, p) => s + p.exclusive + p.marketplace, 0) ?? 0;

  return (
    <>
      <PageHeader
        title="Espace courtier"
        subtitle={`${organisation.name} — bonjour ${user.firstName}`}
        actions={
          <Link className="button button--primary" to="/courtier/salle-de-marche">
            Salle de marché
          </Link>
        }
      />
      {summary.isPending ? (
        <LoadingState label="Chargement de votre activité…" />
      ) : summary.isError ? (
        <ErrorState error={summary.error} onRetry={() => summary.refetch()} />
      ) : (
        <>
          <Kpis
            items={[
              { label: "Dépenses du mois (HT)", value: formatCents(summary.data.monthSpentCents), testId: "kpi-month-spent" },
              { label: "Leads achetés ce mois", value: formatNumber(summary.data.monthLeads) },
              { label: "Leads reçus cette semaine", value: formatNumber(weekTotal), testId: "kpi-week" },
              { label: "Solde de crédits", value: formatCents(summary.data.balanceCents), testId: "kpi-balance", kind: "success" },
            ]}
          />
          <section className="card" aria-labelledby="home-week-title">
            <h2 id="home-week-title">Leads reçus cette semaine, par produit</h2>
            {weekTotal === 0 ? (
              <EmptyState icon="dashboard" title="Aucun lead reçu cette semaine.">
                <p>
                  Achetez en <Link to="/courtier/salle-de-marche">salle de marché</Link> ou créez une{" "}
                  <Link to="/courtier/commandes">commande en exclusivité</Link>.
                </p>
              </EmptyState>
            ) : (
              <WeekChart byProduct={summary.data.weekByProduct} />
            )}
          </section>
          <section className="card" aria-labelledby="home-latest-title">
            <h2 id="home-latest-title">Derniers leads reçus</h2>
            {summary.data.latest.length === 0 ? (
              <EmptyState icon="list" title="Aucun lead reçu pour l'instant." />
            ) : (
              <Table rows={summary.data.latest} columns={LATEST_COLUMNS} rowKey={(l) => l.leadId} cards />
            )}
          </section>
        </>
      )}
    </>
  );
}
