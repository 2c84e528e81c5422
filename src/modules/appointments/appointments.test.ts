import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validRdv } from "../../../tests/factories/leads";
import { mimePartText } from "../../../tests/support/mail";
import { coverEveryCategory, operatorSession, verifiedBuyer } from "../../../tests/support/market";
import { asUser, createTestApp, login, supplierFixture, type TestContext } from "../../../tests/support/test-app";
import { DEMO_CONSENT_TEXT } from "../../seed/demo-consent-text";
import { auditEvents } from "../audit/schema";
import { publishConsentText } from "../consent";
import { runDueJobs } from "../jobs";
import { jobs } from "../jobs/schema";
import { ensurePriceGrid, startMarketWorker } from "../market";
import { leadSales } from "../market/schema";
import { capturedMessages } from "../notifications/schema";
import { appointmentJobHandlers } from "./confirm-appointment";
import { leadAppointments } from "./schema";

/** Tuesday 1 December 2026, 10:00 in Paris (winter time: UTC+1). */
let now = new Date("2026-12-01T10:00:00+01:00");
const clock = () => new Date(now);

let ctx: TestContext;
let supplier: Awaited<ReturnType<typeof supplierFixture>>;
let rdvVersion: string;
let broker: Awaited<ReturnType<typeof verifiedBuyer>>;
let stopWorker: () => Promise<void>;

beforeAll(async () => {
  ctx = await createTestApp({}, { clock });
  supplier = await supplierFixture(ctx);
  rdvVersion = (await publishConsentText(ctx.db, {}, { ...DEMO_CONSENT_TEXT, version: "RDV-TEST-1", title: "Consentement renforcé RDV" }))
    .version;
  await ensurePriceGrid(ctx.db, clock());
  await coverEveryCategory(ctx, supplier.version);
  broker = await verifiedBuyer(ctx, { operatorId: (await operatorSession(ctx)).user.id, creditsCents: 500_000, now });
  const order = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/market/orders",
    headers: asUser(broker.session),
    payload: {
      name: "RDV emprunteur",
      products: ["assurance-emprunteur"],
      leadType: "rdv",
      departements: [],
      weeklyCap: 50,
      dailyCap: null,
    },
  });
  expect(order.statusCode, order.body).toBe(201);
  stopWorker = startMarketWorker(ctx.db, { clock, onError: (e) => console.error(e) });
});
afterAll(async () => {
  await stopWorker();
  await ctx.close();
});

const deps = () => ({ notifier: ctx.app.notifier, secret: "test-secret-for-withdrawal-links-000", appUrl: () => "http://rdv.test" });

async function sellRdv(appointment: object) {
  const sent = validRdv(supplier.version, rdvVersion, now);
  const res = await ctx.app.inject({
    method: "POST",
    url: "/api/v1/leads",
    headers: { authorization: `Bearer ${supplier.apiKey}` },
    payload: { ...sent, appointment: { ...sent.appointment, ...appointment } },
  });
  expect(res.statusCode, res.body).toBe(201);
  const leadId = res.json().id as string;
  await expect
    .poll(async () => (await ctx.db.select().from(leadSales).where(eq(leadSales.leadId, leadId))).length, { timeout: 10_000 })
    .toBe(1);
  return { leadId, sent };
}

const mailsTo = async (orgId: string, tag: string) =>
  ctx.db
    .select()
    .from(capturedMessages)
    .where(and(eq(capturedMessages.orgId, orgId), eq(capturedMessages.tag, tag)));

describe("an RDV sold through an exclusive order", () => {
  it("queues its confirmation with the sale, confirms the first slot, mails the prospect and sends the broker its .ics", async () => {
    const { leadId, sent } = await sellRdv({
      channel: "visio",
      availabilities: ["2026-12-02T10:00:00+01:00", "2026-12-03T14:00:00+01:00"],
    });
    const [job] = await ctx.db
      .select()
      .from(jobs)
      .where(and(eq(jobs.kind, "appointment.confirm"), eq(jobs.dedupeKey, leadId)));
    expect(job).toMatchObject({ status: "queued", payload: { leadId, buyerOrgId: broker.orgId } });

    expect(await runDueJobs(ctx.db, appointmentJobHandlers(deps()), { now: clock })).toBe(1);
    const [a] = await ctx.db.select().from(leadAppointments).where(eq(leadAppointments.leadId, leadId));
    expect(a).toMatchObject({ status: "confirmed", brokerOrgId: broker.orgId });
    expect(a?.confirmedSlot?.toISOString()).toBe("2026-12-02T09:00:00.000Z");
    expect(a?.visioUrl).toMatch(/^https:\/\/meet\.jit\.si\/LeadsAssurance-[0-9a-f]{24}$/);
    const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, leadId));
    expect(events.map((e) => e.action)).toContain("appointment.confirmed");

    const [prospectMail] = await mailsTo(broker.orgId, "appointment.confirmation");
    expect(prospectMail?.to).toContain(sent.contact?.email);
    expect(prospectMail?.subject).toBe("Votre rendez-vous du mercredi 2 décembre 2026 à 10:00 est confirmé");
    expect(prospectMail?.text).toContain(a?.visioUrl);
    const link = prospectMail?.text.match(/http:\/\/rdv\.test(\/rdv\/retrait\/[\w.-]+)/)?.[1];
    expect(link).toBeTruthy();

    const [invitation] = await mailsTo(broker.orgId, "appointment.invitation");
    expect(invitation?.to).toContain(broker.payload.email);
    expect(invitation?.attachments).toEqual([expect.objectContaining({ filename: "rdv.ics" })]);
    const ics = mimePartText(invitation?.raw ?? "", "text/calendar") ?? "";
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("METHOD:REQUEST");
    expect(ics).toMatch(/DTSTART:20261202T090000Z/);
    expect(ics).toMatch(/DURATION:PT30M|DTEND:20261202T093000Z/);
    expect(ics.replace(/\r?\n[ \t]/g, "")).toContain(a?.visioUrl);
    expect(ics.replace(/\r?\n[ \t]/g, "")).toContain("mercredi 2 décembre 2026 à 10:00 (heure de Paris)");

    // The prospect withdraws: the page asks, the POST records it in the audit chain, the broker is told.
    const page = await ctx.app.inject({ method: "GET", url: link as string });
    expect(page.statusCode).toBe(404); // signed with another secret than the app's: refused
  });

  it("lets the prospect withdraw through the app's link, journaled, and the broker sees the week's RDV and their outcome", async () => {
    const { leadId } = await sellRdv({ confirmation: "sms", availabilities: ["2026-12-03T11:00:00+01:00"] });
    const appDeps = { ...deps(), secret: "dev-only-session-secret-never-use-in-production" };
    await runDueJobs(ctx.db, appointmentJobHandlers(appDeps), { now: clock });
    const [sms] = (await mailsTo(broker.orgId, "appointment.confirmation")).filter((m) => m.channel === "sms");
    expect(sms?.text).toMatch(/RDV Assurance emprunteur confirme le 03\/12\/2026 11:00 par téléphone/);
    const link = sms?.text.match(/http:\/\/rdv\.test(\/rdv\/retrait\/[\w.-]+)/)?.[1] as string;

    const week = await ctx.app.inject({ method: "GET", url: "/api/v1/appointments?week=2026-12-02", headers: asUser(broker.session) });
    expect(week.statusCode, week.body).toBe(200);
    expect(week.json().monday).toBe("2026-11-30");
    expect(week.json().items.map((i: { leadId: string }) => i.leadId)).toContain(leadId);

    const early = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/appointments/${leadId}/outcome`,
      headers: asUser(broker.session),
      payload: { status: "no_show" },
    });
    expect(early.statusCode).toBe(409);

    const shown = await ctx.app.inject({ method: "GET", url: link });
    expect(shown.statusCode).toBe(200);
    expect(shown.headers["content-type"]).toContain("text/html");
    expect(shown.body).toContain("Retirer mon consentement et annuler");
    expect(shown.body).not.toContain("Camille");
    const done = await ctx.app.inject({
      method: "POST",
      url: link,
      headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "Test/1.0" },
      payload: "",
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain("Rendez-vous annulé");
    const [a] = await ctx.db.select().from(leadAppointments).where(eq(leadAppointments.leadId, leadId));
    expect(a?.status).toBe("withdrawn");
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, leadId), eq(auditEvents.action, "appointment.withdrawn")));
    expect(event?.data).toMatchObject({ userAgent: "Test/1.0", previousStatus: "confirmed" });
    expect((await mailsTo(broker.orgId, "appointment.withdrawn")).length).toBeGreaterThan(0);
  });

  it("records honoré / non honoré once the slot has begun", async () => {
    const { leadId } = await sellRdv({ availabilities: ["2026-12-04T09:00:00+01:00"] });
    await runDueJobs(ctx.db, appointmentJobHandlers(deps()), { now: clock });
    const saved = now;
    now = new Date("2026-12-04T09:40:00+01:00");
    try {
      const session = await login(ctx.app, broker.payload.email, broker.payload.password);
      const res = await ctx.app.inject({
        method: "POST",
        url: `/api/v1/appointments/${leadId}/outcome`,
        payload: { status: "honored" },
        headers: asUser(session),
      });
      expect(res.statusCode, res.body).toBe(204);
      const [a] = await ctx.db.select().from(leadAppointments).where(eq(leadAppointments.leadId, leadId));
      expect(a?.status).toBe("honored");
      const bad = await ctx.app.inject({
        method: "POST",
        url: `/api/v1/appointments/${leadId}/outcome`,
        payload: { status: "peut-être" },
        headers: asUser(session),
      });
      expect(bad.statusCode).toBe(400);
    } finally {
      now = saved;
    }
  });

  it("an RDV bought in the marketplace is confirmed the same way, to its buyer", async () => {
    // No order takes RDV of this product: the router stocks it, a second brokerage buys it.
    const sent = validRdv(supplier.version, rdvVersion, now, {}, "mutuelle-entreprise");
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/leads",
      headers: { authorization: `Bearer ${supplier.apiKey}` },
      payload: sent,
    });
    expect(res.statusCode, res.body).toBe(201);
    const leadId = res.json().id as string;
    const buyer = await verifiedBuyer(ctx, { operatorId: (await operatorSession(ctx)).user.id, creditsCents: 500_000, now });
    let hold = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/market/leads/${leadId}/hold`,
      headers: { ...asUser(buyer.session), "idempotency-key": "rdv-achat-00001" },
    });
    await expect
      .poll(
        async () => {
          hold = await ctx.app.inject({
            method: "POST",
            url: `/api/v1/market/leads/${leadId}/hold`,
            headers: { ...asUser(buyer.session), "idempotency-key": "rdv-achat-00001" },
          });
          return hold.statusCode;
        },
        { timeout: 10_000 },
      )
      .toBe(201);
    const paid = await ctx.app.inject({
      method: "POST",
      url: `/api/v1/market/holds/${hold.json().id}/pay`,
      headers: asUser(buyer.session),
      payload: { method: "credits" },
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(await runDueJobs(ctx.db, appointmentJobHandlers(deps()), { now: clock })).toBe(1);
    const [a] = await ctx.db.select().from(leadAppointments).where(eq(leadAppointments.leadId, leadId));
    expect(a).toMatchObject({ status: "confirmed", brokerOrgId: buyer.orgId });
    const [invitation] = await mailsTo(buyer.orgId, "appointment.invitation");
    expect(invitation?.to).toContain(buyer.payload.email);
    expect(mimePartText(invitation?.raw ?? "", "text/calendar")).toContain("METHOD:REQUEST");
  });
});
