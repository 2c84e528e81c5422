import { z } from "zod";
import { pageAnswer } from "../../../lib/paging";
import { access, BROKER } from "../../../platform/access";
import { authOf } from "../../../platform/auth";
import { GroupCommit } from "../../../platform/db/group-commit";
import type { RouteModule } from "../../../platform/deps";
import { errorResponses } from "../../../platform/openapi";
import { paymentProviderOf } from "../../billing";
import {
  holdHeadersSchema,
  holdSchema,
  marketListSchema,
  marketQuerySchema,
  payHoldBodySchema,
  payHoldResponseSchema,
  purchasedLeadSchema,
} from "../api";
import { buyManyAtOnce } from "../buy-at-once";
import { buyWithCredits, payHoldByCard, payHoldWithCredits, purchaseOf, registerMarketPurchase } from "../buy-lead";
import { holdManyAtOnce, type LeadRequest } from "../hold-at-once";
import { holdLead, releaseHold } from "../hold-lead";
import { listMarket } from "../list-market";
import { type HoldPayment, type PurchasedLead, payManyAtOnce } from "../pay-at-once";
import type { Hold } from "../schema";

const tags = ["Salle de marché"];
const leadParams = z.object({ leadId: z.uuid().meta({ title: "le lead" }) });
const holdParams = z.object({ holdId: z.uuid().meta({ title: "la réservation" }) });

/** The marketplace: browse the stock, reserve a lead while paying, give it back. */
export const marketRoutes: RouteModule = (app, { database, clock, config }) => {
  const { db } = database;
  const provider = paymentProviderOf(config);
  registerMarketPurchase(config.seller);
  // Holds, payments by credits and purchases in one step made at the same moment share their round trips and their commit (decision 004).
  const holds = new GroupCommit<LeadRequest, Hold>(
    { together: (requests, now) => holdManyAtOnce(db, requests, now), alone: (r, now) => holdLead(db, r.buyer, r.input, now) },
    clock,
  );
  const payments = new GroupCommit<HoldPayment, PurchasedLead>(
    { together: (requests, now) => payManyAtOnce(db, requests, now), alone: (p, now) => payHoldWithCredits(db, p.buyer, p.holdId, now) },
    clock,
  );
  const purchases = new GroupCommit<LeadRequest, PurchasedLead>(
    { together: (requests, now) => buyManyAtOnce(db, requests, now), alone: (r, now) => buyWithCredits(db, r.buyer, r.input, now) },
    clock,
  );

  app.get(
    "/api/v1/market/leads",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Leads en vente (filtres, tri, pagination) — sans nom, téléphone ni e-mail",
        querystring: marketQuerySchema,
        response: { 200: marketListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (req) => pageAnswer(req.query, await listMarket(db, authOf(req).orgId, req.query, clock())),
  );

  app.post(
    "/api/v1/market/leads/:leadId/hold",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Réserver un lead pendant le paiement (5 minutes, un seul courtier à la fois)",
        params: leadParams,
        headers: holdHeadersSchema,
        response: { 201: holdSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const hold = await holds.submit({
        buyer: authOf(req),
        input: { leadId: req.params.leadId, idempotencyKey: req.headers["idempotency-key"] },
      });
      return reply.code(201).send(hold);
    },
  );

  app.post(
    "/api/v1/market/leads/:leadId/buy",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Acheter un lead en crédits, en une fois (sans réservation)",
        description:
          "La réservation et son paiement en crédits au même instant : le lead est acheté, ou rien n'est fait. " +
          "Rejouer la requête avec la même clé d'idempotence rend le même achat, payé une fois.",
        params: leadParams,
        headers: holdHeadersSchema,
        response: { 200: purchasedLeadSchema, ...errorResponses(400, 401, 402, 403, 404, 409) },
      },
    },
    async (req) =>
      purchases.submit({ buyer: authOf(req), input: { leadId: req.params.leadId, idempotencyKey: req.headers["idempotency-key"] } }),
  );

  app.post(
    "/api/v1/market/holds/:holdId/pay",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Payer un lead réservé, en crédits ou par carte (prix HT + TVA 20 % par carte)",
        description:
          "En crédits : débit et vente dans la même transaction. Par carte de démonstration (hors production) : 4242 4242 4242 4242 acceptée, " +
          "4000 0000 0000 0002 refusée (la réservation reste active pour réessayer). Avec Stripe, la réponse donne le `clientSecret` ; le webhook conclut la vente.",
        params: holdParams,
        body: payHoldBodySchema,
        response: { 200: payHoldResponseSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const auth = authOf(req);
      const { holdId } = req.params;
      if (req.body.method === "credits") return { status: "paid" as const, purchase: await payments.submit({ buyer: auth, holdId }) };
      const result = await payHoldByCard({ db, provider, now: clock }, auth, { holdId, cardNumber: req.body.cardNumber });
      if (result.status === "succeeded") return { status: "paid" as const, purchase: await purchaseOf(db, auth.orgId, holdId) };
      return result.status === "failed"
        ? { status: "failed" as const, reason: result.reason }
        : { status: "requires_confirmation" as const, paymentId: result.paymentId, clientSecret: result.clientSecret };
    },
  );

  app.get(
    "/api/v1/market/holds/:holdId/purchase",
    {
      config: { access: access.org(BROKER) },
      schema: {
        tags,
        summary: "Le lead acheté avec cette réservation (après un paiement par carte conclu par le webhook Stripe)",
        description:
          "404 tant que la vente n'est pas faite, ou si le paiement est arrivé trop tard pour ce lead (le montant est alors crédité sur le solde).",
        params: holdParams,
        response: { 200: purchasedLeadSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (req) => purchaseOf(db, authOf(req).orgId, req.params.holdId),
  );

  app.delete(
    "/api/v1/market/holds/:holdId",
    {
      config: { access: access.org(BROKER) },
      schema: { tags, summary: "Annuler sa réservation", params: holdParams, response: { 204: z.null(), ...errorResponses(401, 403) } },
    },
    async (req, reply) => {
      await releaseHold(db, authOf(req), req.params.holdId, clock());
      return reply.code(204).send(null);
    },
  );
};
