import { LEDGER_KIND_LABELS } from "../../../modules/billing/rules/ledger-kinds";
import { formatDate, formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { useInvoices, useWallet } from "./api";
import { BillingIdentityCard } from "./BillingIdentityCard";
import { euros, signedEuros } from "./format-cents";
import { TopUpCard } from "./TopUpCard";
import "./billing.css";

/** "Crédits & factures": the balance, its movements, buying credits, and the invoices to download. */
export function CreditsPage() {
  const wallet = useWallet();
  return (
    <>
      <PageHeader
        title="Crédits & factures"
        subtitle="Vos crédits prépayés (montants hors taxes) paient les leads reçus en exclusivité et les achats en salle de marché."
      />
      <div className="billing-top">
        <div className="billing-stack">
          <section className="card card__pad billing-balance" aria-labelledby="balance-title">
            <h2 id="balance-title">Solde disponible</h2>
            {wallet.isPending ? (
              <LoadingState />
            ) : wallet.isError ? (
              <ErrorState error={wallet.error} onRetry={() => wallet.refetch()} />
            ) : (
              <p className="billing-balance__amount" data-testid="balance">
                {euros(wallet.data.balanceCents)}
              </p>
            )}
            <p className="muted">Crédits HT. Chaque recharge est facturée TTC (TVA 20 %) et sa facture est disponible ci-dessous.</p>
            <a className="button button--secondary button--small" href={`/api/v1/billing/statements/${currentMonth()}/pdf`}>
              Relevé du mois (PDF)
            </a>
          </section>
          <BillingIdentityCard />
        </div>
        <TopUpCard />
      </div>
      <section className="card card--flush" aria-labelledby="ledger-title">
        <h2 id="ledger-title" className="card__pad card__heading">
          Mouvements
        </h2>
        {wallet.isPending ? null : wallet.isError ? null : wallet.data.items.length === 0 ? (
          <EmptyState icon="list" title="Aucun mouvement pour l'instant." />
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col" className="billing-narrow-hide">
                    Type
                  </th>
                  <th scope="col">Opération</th>
                  <th scope="col" className="num">
                    Montant
                  </th>
                  <th scope="col" className="num billing-narrow-hide">
                    Solde
                  </th>
                </tr>
              </thead>
              <tbody>
                {wallet.data.items.map((e) => (
                  <tr key={e.id}>
                    <td className="nowrap">{formatDateTime(e.createdAt)}</td>
                    <td className="billing-narrow-hide">
                      <span className={`badge ${e.amountCents > 0 ? "badge--success" : ""}`}>{LEDGER_KIND_LABELS[e.kind]}</span>
                    </td>
                    <td className="table__wrap">{e.description}</td>
                    <td className={`num nowrap ${e.amountCents > 0 ? "billing-credit" : ""}`}>{signedEuros(e.amountCents)}</td>
                    <td className="num nowrap billing-narrow-hide">{euros(e.balanceAfterCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <InvoicesCard />
    </>
  );
}

function InvoicesCard() {
  const invoices = useInvoices();
  return (
    <section className="card card--flush" aria-labelledby="invoices-title">
      <h2 id="invoices-title" className="card__pad card__heading">
        Factures
      </h2>
      {invoices.isPending ? (
        <LoadingState />
      ) : invoices.isError ? (
        <div className="card__pad">
          <ErrorState error={invoices.error} onRetry={() => invoices.refetch()} />
        </div>
      ) : invoices.data.length === 0 ? (
        <EmptyState icon="file" title="Aucune facture pour l'instant." />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Numéro</th>
                <th scope="col" className="billing-narrow-hide">
                  Date
                </th>
                <th scope="col" className="num billing-narrow-hide">
                  HT
                </th>
                <th scope="col" className="num billing-narrow-hide">
                  TVA
                </th>
                <th scope="col" className="num">
                  TTC
                </th>
                <th scope="col">
                  <span className="visually-hidden">Télécharger</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invoices.data.map((inv) => (
                <tr key={inv.id}>
                  <td>
                    <span className="table__primary">{inv.number}</span>
                  </td>
                  <td className="nowrap billing-narrow-hide">{formatDate(inv.issuedAt)}</td>
                  <td className="num nowrap billing-narrow-hide">{euros(inv.totalHtCents)}</td>
                  <td className="num nowrap billing-narrow-hide">{euros(inv.vatCents)}</td>
                  <td className="num nowrap">{euros(inv.totalTtcCents)}</td>
                  <td className="actions">
                    <a
                      className="button button--secondary button--small"
                      href={`/api/v1/billing/invoices/${inv.id}/pdf`}
                      aria-label={`Télécharger la facture ${inv.number} (PDF)`}
                    >
                      PDF
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** This month in Paris, "2026-11". */
function currentMonth(): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" }).formatToParts(new Date());
  return `${parts.find((p) => p.type === "year")?.value}-${parts.find((p) => p.type === "month")?.value}`;
}
