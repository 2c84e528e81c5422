import { LEDGER_KIND_LABELS } from "../../../modules/billing/rules/ledger-kinds";
import { formatDate, formatDateTime } from "../../ui/format";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, ErrorState, LoadingState } from "../../ui/States";
import { actionsColumn, type Column, Table } from "../../ui/Table";
import { type InvoiceItem, type LedgerItem, useInvoices, useWallet } from "./api";
import { BillingIdentityCard } from "./BillingIdentityCard";
import { euros, signedEuros } from "./format-cents";
import { StatementDownload } from "./StatementDownload";
import { TopUpCard } from "./TopUpCard";
import "./billing.css";

/** On a narrow screen the ledger and the invoices keep their essential columns (billing-narrow-hide). */
const LEDGER_COLUMNS: Column<LedgerItem>[] = [
  { key: "date", header: "Date", className: "nowrap", cell: (e) => formatDateTime(e.createdAt) },
  {
    key: "kind",
    header: "Type",
    className: "billing-narrow-hide",
    cell: (e) => <span className={`badge ${e.amountCents > 0 ? "badge--success" : ""}`}>{LEDGER_KIND_LABELS[e.kind]}</span>,
  },
  { key: "description", header: "Opération", className: "table__wrap", cell: (e) => e.description },
  {
    key: "amount",
    header: "Montant",
    className: "num nowrap",
    cell: (e) => <span className={e.amountCents > 0 ? "billing-credit" : undefined}>{signedEuros(e.amountCents)}</span>,
  },
  { key: "balance", header: "Solde", className: "num nowrap billing-narrow-hide", cell: (e) => euros(e.balanceAfterCents) },
];

const INVOICE_COLUMNS: Column<InvoiceItem>[] = [
  { key: "number", header: "Numéro", cell: (inv) => <span className="table__primary">{inv.number}</span> },
  { key: "date", header: "Date", className: "nowrap billing-narrow-hide", cell: (inv) => formatDate(inv.issuedAt) },
  { key: "ht", header: "HT", className: "num nowrap billing-narrow-hide", cell: (inv) => euros(inv.totalHtCents) },
  { key: "vat", header: "TVA", className: "num nowrap billing-narrow-hide", cell: (inv) => euros(inv.vatCents) },
  { key: "ttc", header: "TTC", className: "num nowrap", cell: (inv) => euros(inv.totalTtcCents) },
  actionsColumn(
    (inv) => (
      <a
        className="button button--secondary button--small"
        href={`/api/v1/billing/invoices/${inv.id}/pdf`}
        aria-label={`Télécharger la facture ${inv.number} (PDF)`}
      >
        PDF
      </a>
    ),
    { header: "Télécharger" },
  ),
];

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
            <StatementDownload />
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
          <Table rows={wallet.data.items} columns={LEDGER_COLUMNS} rowKey={(e) => e.id} />
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
        <Table rows={invoices.data} columns={INVOICE_COLUMNS} rowKey={(inv) => inv.id} />
      )}
    </section>
  );
}
