import { useState } from "react";
import { useProfile } from "../../app/session";
import { formatNumber, parisDay } from "../../ui/format";
import { Kpis } from "../../ui/Kpis";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { useMeasures } from "./api";
import { CampaignPanel } from "./CampaignPanel";
import { CohortProgressChart, EquipmentChart } from "./CohortCharts";
import "./followup.css";
import { monthLabel, percent, ratio } from "./labels";
import { MeasuresTable } from "./MeasuresTable";
import { PocketGuideCard } from "./PocketGuideCard";
import type { MeasureRow } from "./types";

function lastMonths(count: number): string[] {
  const [y, m] = parisDay().split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1 - i, 1)).toISOString().slice(0, 7));
}

export function FollowupDashboardPage() {
  const { user } = useProfile();
  const months = lastMonths(24);
  const [span, setSpan] = useState(12);
  const to = months[0] as string;
  const from = months[span - 1] as string;
  const measures = useMeasures(from, to);

  return (
    <>
      <PageHeader
        title="Suivi M+3"
        subtitle="Chaque mois, les nouveaux clients d'il y a trois mois : qualité du dossier, contrats finalisés, puis bilan global."
        actions={
          <select aria-label="Période" className="input input--medium" value={span} onChange={(e) => setSpan(Number(e.target.value))}>
            <option value={3}>3 derniers mois</option>
            <option value={6}>6 derniers mois</option>
            <option value={12}>12 derniers mois</option>
            <option value={24}>24 derniers mois</option>
          </select>
        }
      />
      {user.role === "broker_admin" && <CampaignPanel months={months.slice(0, 12)} />}
      <PocketGuideCard />
      {measures.isPending ? (
        <LoadingState label="Calcul des mesures…" />
      ) : measures.isError ? (
        <ErrorState error={measures.error} onRetry={() => measures.refetch()} />
      ) : measures.data.total.due === 0 ? (
        <section className="card">
          <EmptyState icon="dashboard" title={`Aucun suivi M+3 de ${monthLabel(from)} à ${monthLabel(to)}.`}>
            <p>Les suivis sont créés par la campagne du 1er de chaque mois, à partir de la date du premier contrat des clients.</p>
          </EmptyState>
        </section>
      ) : (
        <div className="fu-stack" aria-busy={measures.isFetching}>
          <MeasureKpis total={measures.data.total} />
          <div className="grid grid--2">
            <section className="card" aria-labelledby="cohort-title">
              <h2 id="cohort-title">Cohortes par mois de campagne</h2>
              <CohortProgressChart rows={measures.data.byMonth} />
            </section>
            <section className="card" aria-labelledby="equipment-title">
              <h2 id="equipment-title">Taux d'équipement : avant le M+3 et aujourd'hui</h2>
              <EquipmentChart rows={measures.data.byMonth} />
            </section>
          </div>
          <section className="card card--flush" aria-labelledby="by-month-title">
            <h2 id="by-month-title" className="card__pad">
              Par mois de campagne
            </h2>
            <MeasuresTable
              caption="Mesures par mois"
              first="Mois"
              rows={measures.data.byMonth.map((r) => ({ ...r, label: monthLabel(r.label) }))}
              total={measures.data.total}
            />
          </section>
          <section className="card card--flush" aria-labelledby="by-agency-title">
            <h2 id="by-agency-title" className="card__pad">
              Par agence
            </h2>
            <MeasuresTable caption="Mesures par agence" first="Agence" rows={measures.data.byAgency} />
          </section>
          <section className="card card--flush" aria-labelledby="by-manager-title">
            <h2 id="by-manager-title" className="card__pad">
              Par chargé(e) de clientèle
            </h2>
            <MeasuresTable caption="Mesures par chargé de clientèle" first="Chargé(e) de clientèle" rows={measures.data.byManager} />
          </section>
        </div>
      )}
    </>
  );
}

function MeasureKpis({ total: t }: { total: MeasureRow }) {
  const items: [string, string, string?][] = [
    ["Suivis dus", formatNumber(t.due), `${formatNumber(t.notStarted)} à appeler`],
    ["En cours", formatNumber(t.inProgress)],
    ["Clôturés", formatNumber(t.closed), percent(ratio(t.closed, t.due))],
    ["Joignabilité", percent(ratio(t.reached, t.due)), `${formatNumber(t.reached)} clients joints`],
    ["Fiches 100 % qualifiées", percent(ratio(t.qualified, t.due))],
    ["Contrats par client", `${t.contractsNow.toLocaleString("fr-FR")}`, `${t.contractsBefore.toLocaleString("fr-FR")} au M+3`],
    ["Clients à 2+ contrats", percent(t.multi2Now), `${percent(t.multi2Before)} au M+3`],
    ["Clients à 3+ contrats", percent(t.multi3Now), `${percent(t.multi3Before)} au M+3`],
    ["Opportunités / devis", `${formatNumber(t.opportunities)} / ${formatNumber(t.quotes)}`, "manques retenus / devis créés"],
    ["Actions en retard", formatNumber(t.overdueActions)],
  ];
  return (
    <Kpis
      className="fu-kpis"
      items={items.map(([label, value, sub]) => ({
        label,
        value,
        kind: label === "Actions en retard" && t.overdueActions > 0 ? "danger" : undefined,
        note: sub && <span className="fu-kpi__sub">{sub}</span>,
      }))}
    />
  );
}
