import { and, eq, inArray, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import { marketTestApp, verifiedBuyer } from "../../../tests/support/market";
import { asUser, createOrgWithUser, login, type supplierFixture, type TestContext } from "../../../tests/support/test-app";
import { startWebhookReceiver } from "../../../tests/support/webhook-receiver";
import { enqueueJobs, runDueJobs } from "../jobs";
import { jobs } from "../jobs/schema";
import { startMarketWorker, stockLeads } from "../market";
import { brokerOrders, leadSales } from "../market/schema";
import { capturedMessages } from "../notifications/schema";
import { SALE_MAIL_JOB } from "./deliver-mail";
import { deliverSales, saleIdsOf, WEBHOOK_ATTEMPT_JOB } from "./deliver-sale";
import { deliveryJobHandlers } from "./delivery-jobs";
import { purgeWebhookBodiesSchedule, WEBHOOK_BODY_RETENTION_DAYS } from "./purge-webhook-bodies";
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from "./rules/retry-schedule";
import { webhookDeliveries } from "./schema";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "./sign-webhook";

/** Tuesday 1 December 2026, 10:00 in Paris; tests move it forward to reach retries. */
let now = new Date("2026-12-01T10:00:00+01:00");
const clock = () => new Date(now);
const advance = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

let ctx: TestContext;
let supplier: Awaited<ReturnType<typeof supplierFixture>>;
let operatorId: string;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
type Buyer = Awaited<ReturnType<typeof verifiedBuyer>>;

const handlers = () => deliveryJobHandlers({ notifier: ctx.app.notifier, appUrl: "https://app.example.fr", production: false });
const runJobs = () => runDueJobs(ctx.db, handlers(), { now: clock });
/** The sales of each delivery job queued for these sales (a job's key is its first sale). */
const deliveryJobsOf = async (sales: { id: string }[]) =>
  (
    await ctx.db
      .select({ payload: jobs.payload })
      .from(jobs)
      .where(
        and(
          eq(jobs.kind, "delivery.sale"),
          inArray(
            jobs.dedupeKey,
            sales.map((s) => s.id),
          ),
        ),
      )
  ).map((j) => (j.payload as { saleIds: string[] }).saleIds);
const mailsTo = (b: { orgId: string }) =>
  ctx.db.select().from(capturedMessages).where(eq(capturedMessages.orgId, b.orgId)).orderBy(capturedMessages.receivedAt);

async function stockedLead() {
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/leads",
    headers: { authorization: `Bearer ${supplier.apiKey}` },
    payload: validLead(supplier.version, {}, "mutuelle-sante", clock()),
  });
  expect(res.json().status, res.body).toBe("accepted");
  const leadId = res.json().id as string;
  await stockLeads(ctx.db, [leadId], clock());
  return leadId;
}

async function buy(b: Buyer, leadId: string) {
  const hold = await ctx.app.inject({
    method: "POST",
    url: `/api/v1/market/leads/${leadId}/hold`,
    headers: { ...asUser(b.session), "idempotency-key": `achat-${leadId}` },
  });
  expect(hold.statusCode, hold.body).toBe(201);
  const paid = await ctx.app.inject({
    method: "POST",
    url: `/api/v1/market/holds/${hold.json().id}/pay`,
    headers: asUser(b.session),
    payload: { method: "credits" },
  });
  expect(paid.statusCode, paid.body).toBe(200);
  return paid.json().purchase.saleId as string;
}

async function setWebhook(b: Buyer, url = receiver.url, enabled = true) {
  const res = await ctx.app.inject({
    method: "PUT",
    url: "/api/v1/brokerage/webhook",
    headers: asUser(b.session),
    payload: { url, enabled },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { secret: string | null; webhook: { secretHint: string } };
}

const deliveriesOf = async (b: Buyer) =>
  (await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage/webhook/deliveries", headers: asUser(b.session) })).json().items as {
    id: string;
    status: string;
    attempts: number;
    event: string;
    replayOf: string | null;
    lastStatusCode: number | null;
    nextAttemptAt: string | null;
    log: { attempt: number; statusCode: number | null; durationMs: number; ok: boolean }[];
  }[];

beforeAll(async () => {
  ({ ctx, supplier, operatorId } = await marketTestApp(clock));
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
  await ctx.close();
});
beforeEach(() => {
  receiver.received.length = 0;
});

const buyer = () => verifiedBuyer(ctx, { operatorId, creditsCents: 100_000, now: clock() });

describe("a lead bought on the marketplace reaches the broker", () => {
  it("queues its delivery in the sale's transaction, then notifies in the app, e-mails, and posts a signed webhook", async () => {
    const b = await buyer();
    const { secret } = await setWebhook(b);
    expect(secret).toMatch(/^whsec_/);
    const leadId = await stockedLead();
    const saleId = await buy(b, leadId);

    // The promise to deliver committed with the sale: the job is in the table before any runner ran.
    const [job] = await ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "delivery.sale"), eq(jobs.dedupeKey, saleId)));
    expect(job).toMatchObject({ status: "queued", payload: { saleIds: [saleId] } });

    expect(await runJobs()).toBeGreaterThanOrEqual(2); // the sale's job, then the webhook's first attempt
    expect(receiver.received).toHaveLength(1);
    const [hit] = receiver.received;
    const body = JSON.parse(hit?.body ?? "{}");
    expect(verifyWebhookSignature(secret as string, hit?.body ?? "", String(hit?.headers[SIGNATURE_HEADER]), now.getTime() / 1000)).toBe(
      true,
    );
    expect(verifyWebhookSignature("whsec_autre", hit?.body ?? "", String(hit?.headers[SIGNATURE_HEADER]), now.getTime() / 1000)).toBe(
      false,
    );
    // A captured request replayed an hour later fails the timestamp check.
    expect(
      verifyWebhookSignature(secret as string, hit?.body ?? "", String(hit?.headers[SIGNATURE_HEADER]), now.getTime() / 1000 + 3600),
    ).toBe(false);
    expect(hit?.headers["x-leadsassurance-event"]).toBe("lead.received");
    expect(body).toMatchObject({
      event: "lead.received",
      lead: {
        id: leadId,
        saleId,
        product: "mutuelle-sante",
        productLabel: "Mutuelle santé individuelle",
        type: "lead",
        channel: "marketplace",
        priceCents: 1800,
        contact: { phone: expect.stringMatching(/\d/) },
        consent: { method: expect.any(String), textVersion: supplier.version, fingerprint: expect.any(String) },
        link: `https://app.example.fr/courtier/leads/${leadId}`,
      },
    });

    const [delivery] = await deliveriesOf(b);
    expect(delivery).toMatchObject({
      status: "succeeded",
      attempts: 1,
      lastStatusCode: 200,
      log: [{ attempt: 1, statusCode: 200, ok: true }],
    });
    expect(delivery?.log[0]?.durationMs).toBeGreaterThanOrEqual(0);

    const notes = await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage/notifications", headers: asUser(b.session) });
    expect(notes.json()).toMatchObject({
      unread: 1,
      items: [{ title: "Lead acheté : Mutuelle santé individuelle", link: `/courtier/leads/${leadId}`, unread: true }],
    });
    const read = await ctx.app.inject({ method: "POST", url: "/api/v1/brokerage/notifications/read", headers: asUser(b.session) });
    expect(read.statusCode).toBe(204);
    const after = await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage/notifications", headers: asUser(b.session) });
    expect(after.json()).toMatchObject({ unread: 0, items: [{ unread: false }] });

    await expect
      .poll(async () => (await ctx.db.select().from(capturedMessages).where(eq(capturedMessages.orgId, b.orgId))).map((m) => m.subject))
      .toContain("Lead acheté : Mutuelle santé individuelle");
    // Running the jobs again delivers nothing twice.
    expect(await runJobs()).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it("retries a failing endpoint by the schedule (1 min, 5 min…) and succeeds when it answers", async () => {
    const b = await buyer();
    await setWebhook(b);
    await buy(b, await stockedLead());
    receiver.answer(500, 503);
    await runJobs();
    let [d] = await deliveriesOf(b);
    expect(d).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(new Date(d?.nextAttemptAt ?? 0).getTime()).toBe(now.getTime() + 60_000);

    advance(30_000);
    expect(await runJobs()).toBe(0);
    advance(31_000);
    await runJobs();
    [d] = await deliveriesOf(b);
    expect(d).toMatchObject({ status: "pending", attempts: 2, lastStatusCode: 503 });
    expect(new Date(d?.nextAttemptAt ?? 0).getTime()).toBe(now.getTime() + 5 * 60_000);

    advance(5 * 60_000);
    await runJobs();
    [d] = await deliveriesOf(b);
    expect(d).toMatchObject({ status: "succeeded", attempts: 3, lastStatusCode: 200, nextAttemptAt: null });
    expect(d?.log.map((a) => a.statusCode)).toEqual([500, 503, 200]);
    expect(receiver.received).toHaveLength(3);
    // Each attempt is signed afresh, with the instant it was sent.
    expect(new Set(receiver.received.map((r) => r.headers[SIGNATURE_HEADER])).size).toBe(3);
  });

  it("gives up after six attempts over about fifteen hours, and the replay button sends it again", async () => {
    const b = await buyer();
    await setWebhook(b);
    await buy(b, await stockedLead());
    receiver.answer(...Array.from({ length: MAX_ATTEMPTS }, () => 500));
    await runJobs();
    for (const delay of RETRY_DELAYS_MS) {
      advance(delay);
      await runJobs();
    }
    advance(24 * 3_600_000);
    expect(await runJobs()).toBe(0);
    // A day and more went by: the broker logs in again to look at his log.
    b.session = await login(ctx.app, b.payload.email, b.payload.password);
    const [failed] = await deliveriesOf(b);
    expect(failed).toMatchObject({ status: "failed", attempts: 6, nextAttemptAt: null });
    expect(failed?.log.map((a) => a.statusCode)).toEqual([500, 500, 500, 500, 500, 500]);

    const replay = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/brokerage/webhook/deliveries/${failed?.id}/replay`,
      headers: asUser(b.session),
    });
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json().outcome).toMatchObject({ status: "succeeded", statusCode: 200, attempt: 1 });
    const [again, original] = await deliveriesOf(b);
    expect(again).toMatchObject({ status: "succeeded", replayOf: failed?.id });
    expect(original?.id).toBe(failed?.id);
    expect(receiver.received.at(-1)?.body).toBe(receiver.received[0]?.body);
    // The queued job of the replay's first attempt finds it done and sends nothing more.
    const before = receiver.received.length;
    await runJobs();
    expect(receiver.received).toHaveLength(before);
  });

  it("erases a delivery's body (the prospect's contact) 30 days after it ended: the log keeps the outcome, replay is refused", async () => {
    const b = await buyer();
    await setWebhook(b);
    await buy(b, await stockedLead());
    await runJobs();
    const [delivered] = await deliveriesOf(b);
    expect(delivered).toMatchObject({ status: "succeeded" });
    const purgeTonight = async () => {
      await enqueueJobs(ctx.db, purgeWebhookBodiesSchedule(clock()));
      await runJobs();
    };
    advance((WEBHOOK_BODY_RETENTION_DAYS - 1) * 86_400_000);
    await purgeTonight();
    b.session = await login(ctx.app, b.payload.email, b.payload.password);
    const [kept] = (await deliveriesOf(b)) as unknown as { body: string; bodyPurgedAt: string | null }[];
    expect(kept?.bodyPurgedAt).toBeNull();
    expect(JSON.parse(kept?.body ?? "").lead.contact.phone).toMatch(/^\+33/);

    advance(2 * 86_400_000);
    await purgeTonight();
    b.session = await login(ctx.app, b.payload.email, b.payload.password);
    const [erased] = (await deliveriesOf(b)) as unknown as { id: string; status: string; body: string; bodyPurgedAt: string | null }[];
    expect(erased).toMatchObject({ id: delivered?.id, status: "succeeded", body: "" });
    expect(erased?.bodyPurgedAt).not.toBeNull();
    const [row] = await ctx.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, delivered?.id as string));
    expect(row?.body).toBe("");
    const replay = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/brokerage/webhook/deliveries/${delivered?.id}/replay`,
      headers: asUser(b.session),
    });
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe("delivery_body_purged");
  });

  it("survives a restart: a delivery job left running by a dead process is taken back and delivered", async () => {
    const b = await buyer();
    await setWebhook(b);
    const saleId = await buy(b, await stockedLead());
    // The process claimed the job, then died before finishing it.
    await ctx.db
      .update(jobs)
      .set({ status: "running", lockedAt: clock(), attempts: 1 })
      .where(and(eq(jobs.kind, "delivery.sale"), eq(jobs.dedupeKey, saleId)));
    expect(await runJobs()).toBe(0);
    advance(16 * 60_000);
    expect(await runJobs()).toBeGreaterThanOrEqual(2);
    expect(receiver.received).toHaveLength(1);
    expect((await deliveriesOf(b))[0]).toMatchObject({ status: "succeeded" });
  });

  it("delivers a sale run twice (a retry) once: one notice, one webhook delivery, one first attempt, one e-mail", async () => {
    const b = await buyer();
    await setWebhook(b);
    const saleId = await buy(b, await stockedLead());
    const deps = { notifier: ctx.app.notifier, appUrl: "https://app.example.fr" };
    const mailsBefore = await mailsTo(b);
    const attemptsBefore = (await ctx.db.select({ id: jobs.id }).from(jobs).where(eq(jobs.kind, WEBHOOK_ATTEMPT_JOB))).length;
    const first = await deliverSales(ctx.db, deps, [saleId], clock());
    const again = await deliverSales(ctx.db, deps, [saleId], clock());
    expect(first).toEqual({ notified: 1, webhooks: [expect.any(String)] });
    expect(again).toEqual({ notified: 1, webhooks: [] });
    const [webhook] = first.webhooks ?? [];
    const notes = await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage/notifications", headers: asUser(b.session) });
    expect(notes.json().unread).toBe(1);
    expect(await deliveriesOf(b)).toHaveLength(1);
    const attempts = await ctx.db.select({ dedupeKey: jobs.dedupeKey }).from(jobs).where(eq(jobs.kind, WEBHOOK_ATTEMPT_JOB));
    expect(attempts.length - attemptsBefore).toBe(1);
    expect(attempts.map((a) => a.dedupeKey)).toContain(`${webhook}#1`);
    // The e-mail is its own job, queued once with the notice: this minute's and the next one's.
    const mailJobs = await ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, SALE_MAIL_JOB), like(jobs.dedupeKey, `${b.orgId}@%`)));
    expect(mailJobs).toHaveLength(2);
    // The sale's own delivery job (queued by the purchase) finds everything done; the one attempt posts once, the lead is mailed once.
    await runJobs();
    expect(receiver.received).toHaveLength(1);
    expect((await mailsTo(b)).map((m) => m.subject)).toEqual([
      ...mailsBefore.map((m) => m.subject),
      "Lead acheté : Mutuelle santé individuelle",
    ]);
  });

  it("e-mails a brokerage at most once a minute: its first lead at once, the next ones together when the minute ends", async () => {
    const b = await buyer();
    const first = await stockedLead();
    await buy(b, first);
    await runJobs();
    expect((await mailsTo(b)).map((m) => m.subject)).toEqual(["Lead acheté : Mutuelle santé individuelle"]);

    advance(1_000);
    const later = [await stockedLead(), await stockedLead()];
    for (const leadId of later) await buy(b, leadId);
    await runJobs();
    // Notified in the app at once, but not e-mailed again within the minute.
    const notes = await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage/notifications", headers: asUser(b.session) });
    expect(notes.json().unread).toBe(3);
    expect(await mailsTo(b)).toHaveLength(1);

    advance(60_000);
    await runJobs();
    const mails = await mailsTo(b);
    expect(mails.map((m) => m.subject)).toEqual(["Lead acheté : Mutuelle santé individuelle", "2 leads achetés"]);
    expect(mails[1]?.text).toContain("Vos achats en salle de marché sont confirmés :");
    for (const id of later) expect(mails[1]?.text).toContain(`/courtier/leads/${id}`);
    expect(mails[1]?.text).not.toContain(`/courtier/leads/${first}`);
    // Nothing left to tell: the minute after sends nothing.
    advance(60_000);
    await runJobs();
    expect(await mailsTo(b)).toHaveLength(2);
  });

  it("sends no webhook when none is set or it is switched off, but still notifies", async () => {
    const none = await buyer();
    await buy(none, await stockedLead());
    const off = await buyer();
    await setWebhook(off, receiver.url, false);
    await buy(off, await stockedLead());
    await runJobs();
    expect(receiver.received).toHaveLength(0);
    for (const b of [none, off]) {
      const notes = await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage/notifications", headers: asUser(b.session) });
      expect(notes.json().unread).toBe(1);
    }
  });
});

describe("an exclusive lead routed to an order reaches the broker the same way", () => {
  const openOrder = async (b: Buyer) => {
    const order = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/market/orders",
      headers: asUser(b.session),
      payload: { name: "Santé", products: ["mutuelle-sante"], leadType: "lead", departements: [], weeklyCap: 5, dailyCap: null },
    });
    expect(order.statusCode, order.body).toBe(201);
  };
  const sendLead = async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/leads",
      headers: { authorization: `Bearer ${supplier.apiKey}` },
      payload: validLead(supplier.version, {}, "mutuelle-sante", clock()),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };

  it("notifies, e-mails « Nouveau lead exclusif » and posts the webhook with channel exclusive", async () => {
    const b = await buyer();
    await setWebhook(b);
    await openOrder(b);
    const leadId = await sendLead();
    // The market worker routes it, as in the app.
    const stop = startMarketWorker(ctx.db, { clock, onError: (e) => console.error(e) });
    await expect
      .poll(async () => (await ctx.db.select().from(leadSales).where(eq(leadSales.leadId, leadId))).map((s) => s.buyerOrgId))
      .toEqual([b.orgId]);
    await stop();
    await runJobs();
    expect(JSON.parse(receiver.received[0]?.body ?? "{}").lead).toMatchObject({ id: leadId, channel: "exclusive" });
    const notes = await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage/notifications", headers: asUser(b.session) });
    expect(notes.json().items[0].title).toBe("Nouveau lead exclusif : Mutuelle santé individuelle");
    await expect
      .poll(async () => (await ctx.db.select().from(capturedMessages).where(eq(capturedMessages.orgId, b.orgId))).map((m) => m.tag))
      .toEqual(["market.exclusive-received"]);
  });

  it("tells a brokerage of the leads one routing round gave it with one job and one e-mail, and a notice and a webhook post each", async () => {
    // Earlier tests' orders would share the leads (routing takes turns): this brokerage's order is the only one open.
    await ctx.db.update(brokerOrders).set({ status: "paused" });
    const b = await buyer();
    await setWebhook(b);
    await openOrder(b);
    const leadIds: string[] = [];
    for (let i = 0; i < 3; i++) leadIds.push(await sendLead());
    // The worker starts after the three leads are in: it routes them in one round.
    const stop = startMarketWorker(ctx.db, { clock, onError: (e) => console.error(e) });
    await expect.poll(async () => (await ctx.db.select().from(leadSales).where(eq(leadSales.buyerOrgId, b.orgId))).length).toBe(3);
    await stop();
    const sales = await ctx.db.select({ id: leadSales.id }).from(leadSales).where(eq(leadSales.buyerOrgId, b.orgId));
    const queued = await deliveryJobsOf(sales);
    expect(queued.map((saleIds) => saleIds.toSorted())).toEqual([sales.map((s) => s.id).toSorted()]);
    await runJobs();
    expect(receiver.received.map((r) => JSON.parse(r.body).lead.id).toSorted()).toEqual(leadIds.toSorted());
    const notes = await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage/notifications", headers: asUser(b.session) });
    expect(notes.json().unread).toBe(3);
    const mails = await mailsTo(b);
    expect(mails.map((m) => m.subject)).toEqual(["3 nouveaux leads exclusifs"]);
    expect(mails[0]?.text).toContain("Vos commandes viennent de recevoir 3 leads en exclusivité :");
    for (const id of leadIds) expect(mails[0]?.text).toContain(`/courtier/leads/${id}`);
  });

  it("delivers a round that sold to several brokerages with one job: each gets its notices, its webhook posts and its own e-mail", async () => {
    await ctx.db.update(brokerOrders).set({ status: "paused" });
    const buyers = [await buyer(), await buyer()];
    for (const b of buyers) {
      await setWebhook(b);
      await openOrder(b);
    }
    const leadIds: string[] = [];
    for (let i = 0; i < 4; i++) leadIds.push(await sendLead());
    const stop = startMarketWorker(ctx.db, { clock, onError: (e) => console.error(e) });
    await expect.poll(async () => (await ctx.db.select().from(leadSales).where(inArray(leadSales.leadId, leadIds))).length).toBe(4);
    await stop();
    const sales = await ctx.db.select().from(leadSales).where(inArray(leadSales.leadId, leadIds));
    // Routing takes turns: both brokerages got leads in this one round.
    expect(new Set(sales.map((s) => s.buyerOrgId))).toEqual(new Set(buyers.map((b) => b.orgId)));
    const queued = await deliveryJobsOf(sales);
    expect(queued).toHaveLength(1);
    await runJobs();
    expect(receiver.received.map((r) => JSON.parse(r.body).lead.id).toSorted()).toEqual(leadIds.toSorted());
    for (const b of buyers) {
      const own = sales.filter((s) => s.buyerOrgId === b.orgId).map((s) => s.leadId);
      const notes = await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage/notifications", headers: asUser(b.session) });
      expect(
        notes
          .json()
          .items.map((n: { link: string }) => n.link)
          .toSorted(),
      ).toEqual(own.map((id) => `/courtier/leads/${id}`).toSorted());
      const mails = await mailsTo(b);
      expect(mails).toHaveLength(1);
      for (const id of leadIds) expect(mails[0]?.text.includes(`/courtier/leads/${id}`)).toBe(own.includes(id));
    }
  });
});

describe("a delivery job", () => {
  it("reads its sales from a group's payload, or from the one sale of a job queued before grouping", () => {
    expect(saleIdsOf({ saleIds: ["a", "b"] })).toEqual(["a", "b"]);
    expect(saleIdsOf({ saleId: "a" })).toEqual(["a"]);
  });
});

describe("webhook settings, test and isolation", () => {
  it("shows the secret once, keeps it when the URL changes, and regenerates it on demand", async () => {
    const b = await buyer();
    const first = await setWebhook(b);
    const again = await setWebhook(b, `${receiver.url}?v=2`);
    expect(again.secret).toBeNull();
    const view = await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage/webhook", headers: asUser(b.session) });
    expect(view.body).not.toContain(first.secret as string);
    expect(view.json().webhook).toMatchObject({
      url: `${receiver.url}?v=2`,
      enabled: true,
      secretHint: `whsec_…${(first.secret as string).slice(-4)}`,
    });

    const regenerated = await ctx.app.inject({ method: "POST", url: "/api/v1/brokerage/webhook/secret", headers: asUser(b.session) });
    const secret = regenerated.json().secret as string;
    expect(secret).not.toBe(first.secret);
    const test = await ctx.app.inject({ method: "POST", url: "/api/v1/brokerage/webhook/test", headers: asUser(b.session) });
    expect(test.json().outcome).toMatchObject({ status: "succeeded", statusCode: 200 });
    const hit = receiver.received.at(-1);
    expect(hit?.headers["x-leadsassurance-event"]).toBe("test");
    expect(verifyWebhookSignature(secret, hit?.body ?? "", String(hit?.headers[SIGNATURE_HEADER]), now.getTime() / 1000)).toBe(true);
    expect(
      verifyWebhookSignature(first.secret as string, hit?.body ?? "", String(hit?.headers[SIGNATURE_HEADER]), now.getTime() / 1000),
    ).toBe(false);
  });

  it("logs an unreachable endpoint's failure on the test button, with the next attempt planned", async () => {
    const b = await buyer();
    // A port nobody listens on: the one a receiver just gave back.
    const closed = await startWebhookReceiver();
    await closed.close();
    await setWebhook(b, closed.url);
    const test = await ctx.app.inject({ method: "POST", url: "/api/v1/brokerage/webhook/test", headers: asUser(b.session) });
    expect(test.json().outcome).toMatchObject({ status: "pending", statusCode: null, error: "Connexion refusée" });
  });

  it("in production, connects only to public addresses, checked when connecting (a name turned private meanwhile is refused)", async () => {
    const b = await buyer();
    // Saved while the name was public (development rules here); by delivery time it points at our network.
    await setWebhook(b, receiver.url.replace("127.0.0.1", "localhost"));
    await buy(b, await stockedLead());
    const production = deliveryJobHandlers({ notifier: ctx.app.notifier, appUrl: "https://app.example.fr", production: true });
    await runDueJobs(ctx.db, production, { now: clock });
    expect(receiver.received).toHaveLength(0);
    const [delivery] = await deliveriesOf(b);
    expect(delivery).toMatchObject({ status: "pending", log: [{ attempt: 1, ok: false, error: "Adresse privée refusée" }] });
  });

  it("keeps each brokerage's deliveries and notices to itself", async () => {
    const a = await buyer();
    const other = await buyer();
    await setWebhook(a);
    await buy(a, await stockedLead());
    await runJobs();
    const [mine] = await deliveriesOf(a);
    expect(mine).toBeDefined();
    expect(await deliveriesOf(other)).toEqual([]);
    const replay = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/brokerage/webhook/deliveries/${mine?.id}/replay`,
      headers: asUser(other.session),
    });
    expect(replay.statusCode).toBe(404);
    expect((await ctx.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.orgId, other.orgId))).length).toBe(0);
    const notes = await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage/notifications", headers: asUser(other.session) });
    expect(notes.json()).toEqual({ unread: 0, items: [] });
    // No webhook set: "test" and replay say so.
    const test = await ctx.app.inject({ method: "POST", url: "/api/v1/brokerage/webhook/test", headers: asUser(other.session) });
    expect(test.statusCode).toBe(409);
    expect(test.json().error.code).toBe("webhook_not_configured");
  });

  it("lets only brokerage administrators manage the webhook; agents see the notices", async () => {
    const agent = await createOrgWithUser(ctx, "broker_agent");
    const session = await login(ctx.app, agent.email);
    const res = await ctx.app.inject({
      method: "PUT",
      url: "/api/v1/brokerage/webhook",
      headers: asUser(session),
      payload: { url: receiver.url, enabled: true },
    });
    expect(res.statusCode).toBe(403);
    const notes = await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage/notifications", headers: asUser(session) });
    expect(notes.statusCode).toBe(200);
  });
});
