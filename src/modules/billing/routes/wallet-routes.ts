import { access, BROKER, BROKER_ADMIN } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import {
  cardPaymentParams,
  cardPaymentResponse,
  ledgerQuery,
  packsResponse,
  paymentProviderResponse,
  topUpBody,
  topUpResponse,
  walletResponse,
} from "../api";
import { buyTopUp } from "../buy-top-up";
import { listLedger } from "../list-ledger";
import { getCardPayment } from "../payments/get-card-payment";
import type { PaymentProvider } from "../payments/provider";
import { creditsOf, TOP_UP_PACKS } from "../rules/packs";
import { vatOn } from "../rules/vat";

export const walletRoutes =
  (provider: PaymentProvider): RouteModule =>
  (app, deps) => {
    const { db } = deps.database;

    app.get(
      "/api/v1/billing/wallet",
      {
        config: { access: access.org(BROKER) },
        schema: {
          tags: ["Crédits et factures"],
          summary: "Solde de crédits et mouvements de l'organisation (centimes HT, les plus récents d'abord)",
          querystring: ledgerQuery,
          response: { 200: walletResponse, ...errorResponses(400, 401, 403) },
        },
      },
      async (req) => listLedger(db, authOf(req).orgId, req.query),
    );

    app.get(
      "/api/v1/billing/packs",
      {
        config: { access: access.org(BROKER) },
        schema: {
          tags: ["Crédits et factures"],
          summary: "Packs de recharge (prix HT, bonus, TTC)",
          response: { 200: packsResponse, ...errorResponses(401, 403) },
        },
      },
      async () => ({
        packs: TOP_UP_PACKS.map((p) => {
          const t = vatOn(p.priceCents);
          return { ...p, creditsCents: creditsOf(p), vatCents: t.vatCents, totalTtcCents: t.ttcCents };
        }),
      }),
    );

    app.get(
      "/api/v1/billing/payment-provider",
      {
        config: { access: access.org(BROKER) },
        schema: {
          tags: ["Crédits et factures"],
          summary: "Moyen de paiement par carte en service : carte de démonstration, ou Stripe et sa clé publiable",
          response: { 200: paymentProviderResponse, ...errorResponses(401, 403) },
        },
      },
      async () => ({
        name: provider.name,
        isDemo: provider.isDemo,
        publishableKey: provider.name === "stripe" ? (deps.config.STRIPE_PUBLISHABLE_KEY ?? null) : null,
      }),
    );

    app.get(
      "/api/v1/billing/payments/:paymentId",
      {
        config: { access: access.org(BROKER) },
        schema: {
          tags: ["Crédits et factures"],
          summary: "Où en est un paiement par carte (en attente du webhook Stripe, accepté ou refusé)",
          params: cardPaymentParams,
          response: { 200: cardPaymentResponse, ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (req) => getCardPayment(db, authOf(req).orgId, req.params.paymentId),
    );

    app.post(
      "/api/v1/billing/top-ups",
      {
        config: { access: access.org(BROKER_ADMIN) },
        schema: {
          tags: ["Crédits et factures"],
          summary: "Acheter un pack de crédits par carte",
          description:
            "Carte de démonstration (hors production) : 4242 4242 4242 4242 est acceptée, 4000 0000 0000 0002 refusée ; le paiement est immédiat. " +
            "Avec Stripe, la réponse donne le `clientSecret` du PaymentIntent que le navigateur confirme ; le webhook crédite le compte.",
          body: topUpBody,
          response: { 200: topUpResponse, ...errorResponses(400, 401, 403, 502) },
        },
      },
      async (req) => {
        const auth = authOf(req);
        return buyTopUp(
          { db, provider, now: deps.clock },
          { orgId: auth.orgId, userId: auth.userId, packId: req.body.packId, cardNumber: req.body.cardNumber },
        );
      },
    );
  };
