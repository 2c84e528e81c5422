import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedUpBroker } from "../../../../tests/support/brokers";
import { createTestApp, type TestContext } from "../../../../tests/support/test-app";
import { enqueueJobs, runDueJobs } from "../../jobs";
import { buyTopUp } from "../buy-top-up";
import { walletBalance } from "../move-credits";
import { cardPayments } from "../schema";
import { demoPaymentProvider } from "./demo-provider";
import type { PaymentProvider, RetrievedPayment } from "./provider";
import { paymentReconciliationJob, reconcilePendingPayments } from "./reconcile-payments";
import { settleCardPayment } from "./settle-card-payment";

let now = new Date("2026-12-01T09:00:00Z");
const clock = () => new Date(now);
const later = (minutes: number) => {
  now = new Date(now.getTime() + minutes * 60_000);
};

let ctx: TestContext;
let broker: Awaited<ReturnType<typeof signedUpBroker>>;

/** A provider like Stripe's stub: payments wait for a confirmation; what it answers later is set by the test. */
const answers = new Map<string, RetrievedPayment | "down">();
const asked: string[] = [];
const stub: PaymentProvider = {
  name: "stripe",
  isDemo: false,
  async createPayment(input) {
    return { status: "requires_confirmation", providerPaymentId: `pi_${input.paymentId}`, clientSecret: "cs" };
  },
  parseWebhook() {
    throw new Error("not used");
  },
  async retrievePayment({ paymentId }) {
    asked.push(paymentId);
    const a = answers.get(paymentId) ?? { status: "pending" };
    if (a === "down") throw new Error("ECONNRESET");
    return a;
  },
};

const pay = async (provider: PaymentProvider = stub, cardNumber?: string) =>
  (await buyTopUp({ db: ctx.db, provider, now: clock }, { orgId: broker.orgId, userId: broker.userId, packId: "pack-100", cardNumber }))
    .paymentId;
const statusOf = async (id: string) => (await ctx.db.select().from(cardPayments).where(eq(cardPayments.id, id)))[0];

beforeAll(async () => {
  ctx = await createTestApp({}, { clock });
  broker = await signedUpBroker(ctx);
});
afterAll(() => ctx.close());

describe("reconciliation of pending card payments", () => {
  it("asks the provider for payments pending over N minutes, and settles or fails them once", async () => {
    const paid = await pay();
    const declined = await pay();
    const undecided = await pay();
    const unreachable = await pay();
    later(31);
    const young = await pay();
    answers.set(paid, { status: "succeeded", providerPaymentId: `pi_${paid}` });
    answers.set(declined, { status: "failed", providerPaymentId: `pi_${declined}`, reason: "Fonds insuffisants" });
    answers.set(unreachable, "down");

    const result = await reconcilePendingPayments(ctx.db, stub, clock(), { olderThanMinutes: 30 });
    expect(result).toEqual({ checked: 4, succeeded: 1, failed: 1, stillPending: 1, unreachable: 1 });
    expect(asked).not.toContain(young);
    expect(await statusOf(paid)).toMatchObject({ status: "succeeded", providerPaymentId: `pi_${paid}` });
    expect(await statusOf(declined)).toMatchObject({ status: "failed", failureReason: "Fonds insuffisants" });
    expect(await statusOf(undecided)).toMatchObject({ status: "pending" });
    expect(await statusOf(unreachable)).toMatchObject({ status: "pending" });
    // The pack's credits (100 €), once.
    expect(await walletBalance(ctx.db, broker.orgId)).toBe(10_000);

    // The lost webhook arrives after all: nothing more is credited. A second round changes nothing either.
    expect(
      (await settleCardPayment(ctx.db, { type: "succeeded", paymentId: paid, providerPaymentId: `pi_${paid}` }, clock())).changed,
    ).toBe(false);
    answers.set(unreachable, { status: "succeeded", providerPaymentId: `pi_${unreachable}` });
    const again = await reconcilePendingPayments(ctx.db, stub, clock(), { olderThanMinutes: 30 });
    expect(again).toEqual({ checked: 2, succeeded: 1, failed: 0, stillPending: 1, unreachable: 0 });
    expect(await walletBalance(ctx.db, broker.orgId)).toBe(20_000);
  });

  it("fails a demonstration payment its process left pending (no money moved with the demo card)", async () => {
    const [row] = await ctx.db
      .insert(cardPayments)
      .values({
        orgId: broker.orgId,
        userId: broker.userId,
        amountCents: 12_000,
        purpose: "credit_top_up",
        reference: "pack-100",
        provider: "demo",
        createdAt: clock(),
      })
      .returning();
    const id = row?.id as string;
    expect(await reconcilePendingPayments(ctx.db, demoPaymentProvider, clock(), { olderThanMinutes: 30 })).toMatchObject({ checked: 0 });
    later(45);
    expect(await reconcilePendingPayments(ctx.db, demoPaymentProvider, clock(), { olderThanMinutes: 30 })).toMatchObject({
      checked: 1,
      failed: 1,
    });
    expect(await statusOf(id)).toMatchObject({ status: "failed", failureReason: "Paiement non abouti (interrompu)" });
    // A demo card payment that completed is not touched.
    const done = await pay(demoPaymentProvider, "4242 4242 4242 4242");
    later(45);
    await reconcilePendingPayments(ctx.db, demoPaymentProvider, clock(), { olderThanMinutes: 30 });
    expect(await statusOf(done)).toMatchObject({ status: "succeeded" });
  });

  it("runs as a job every 10 minutes, once per slot", async () => {
    const pending = await pay();
    answers.set(pending, { status: "failed", providerPaymentId: `pi_${pending}`, reason: "Paiement annulé" });
    later(31);
    const job = paymentReconciliationJob(stub);
    expect(await enqueueJobs(ctx.db, [...job.schedule(clock()), ...job.schedule(new Date(now.getTime() + 60_000))])).toBe(1);
    expect(await runDueJobs(ctx.db, [job.handler], { now: clock })).toBe(1);
    expect(await statusOf(pending)).toMatchObject({ status: "failed", failureReason: "Paiement annulé" });
  });
});
