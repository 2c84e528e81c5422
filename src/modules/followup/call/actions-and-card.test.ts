import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrokerFixture, brokerFixture } from "../../../../tests/factories/followup";
import { followupApi, followupTestClock, newFollowup } from "../../../../tests/support/followup-api";
import { createTestApp, type TestContext } from "../../../../tests/support/test-app";
import { addToIsoDate, parisToday } from "../../catalogue/rules/dates";
import { clients } from "../../crm/schema";
import { capturedMessages } from "../../notifications/schema";
import { sendActionReminders } from "../campaign/send-reminders";
import { followupActions, followups } from "../schema";
import { myActions } from "../team/my-actions";

let ctx: TestContext;
let fx: BrokerFixture;
let api: ReturnType<typeof followupApi>;
beforeAll(async () => {
  ctx = await createTestApp({}, { clock: followupTestClock() });
  fx = await brokerFixture(ctx);
  api = followupApi(ctx);
});
afterAll(() => ctx.close());

const mailsTo = (to: string) =>
  ctx.db
    .select()
    .from(capturedMessages)
    .where(and(eq(capturedMessages.to, to), eq(capturedMessages.channel, "email")))
    .orderBy(desc(capturedMessages.receivedAt));

/** The vCard attached to a captured mail (base64 part after its Content-Disposition). */
function attachedVCard(raw: string | null | undefined): string {
  const part = (raw ?? "").split(/filename=\S+\.vcf\r?\n\r?\n/)[1] ?? "";
  return Buffer.from((part.split(/\r?\n--/)[0] ?? "").replace(/\s+/g, ""), "base64").toString("utf8");
}

async function action(
  followupId: string,
  clientId: string,
  ownerId: string,
  dueDate: string,
  fields: Partial<typeof followupActions.$inferInsert> = {},
) {
  const [row] = await ctx.db
    .insert(followupActions)
    .values({ orgId: fields.orgId ?? fx.orgId, followupId, clientId, ownerId, dueDate, kind: "quote", note: "Devis GAV", ...fields })
    .returning();
  return row as typeof followupActions.$inferSelect;
}

describe("reminders of due and overdue actions", () => {
  it("mails each owner his actions due today or late, once per action per day", async () => {
    const { id, client } = await newFollowup(ctx, fx, { client: { firstName: "Léa", lastName: "Rappel" } });
    const now = new Date("2026-06-10T07:00:00Z");
    const today = parisToday(now);
    await action(id, client.id, fx.agent.id, addToIsoDate(today, 0, -2), { note: "Relancer pour la carte grise", kind: "follow_up" });
    await action(id, client.id, fx.agent.id, today);
    await action(id, client.id, fx.agent.id, addToIsoDate(today, 0, 1), { note: "Demain" });
    await action(id, client.id, fx.agent.id, addToIsoDate(today, 0, -1), { status: "done" });
    await action(id, client.id, fx.admin.id, today, { kind: "appointment", note: "RDV bilan" });

    const deps = { db: ctx.db, notifier: ctx.app.notifier };
    expect(await sendActionReminders(deps, { now, orgId: fx.orgId })).toEqual({
      day: "2026-06-10",
      owners: 2,
      actions: 3,
      failedOwners: 0,
    });
    const [mail] = await mailsTo(fx.agent.email);
    expect(mail?.subject).toBe("Suivi M+3 : 2 actions à traiter (dont 1 en retard)");
    expect(mail?.tag).toBe("followup.m3.reminder");
    expect(mail?.text).toContain("En retard :\n- 08/06/2026 · Programmer relance · Léa Rappel — Relancer pour la carte grise");
    expect(mail?.text).toContain("À faire aujourd'hui :\n- 10/06/2026 · Créer devis · Léa Rappel — Devis GAV");
    expect(mail?.text).not.toContain("Demain");
    expect((await mailsTo(fx.admin.email))[0]?.subject).toBe("Suivi M+3 : 1 action à traiter");

    const later = new Date("2026-06-10T15:00:00Z");
    expect(await sendActionReminders(deps, { now: later, orgId: fx.orgId })).toMatchObject({ owners: 0, actions: 0 });
    expect(await mailsTo(fx.agent.email)).toHaveLength(1);

    const nextDay = new Date("2026-06-11T07:00:00Z");
    expect(await sendActionReminders(deps, { now: nextDay, orgId: fx.orgId })).toMatchObject({ owners: 2, actions: 4 });
    expect((await mailsTo(fx.agent.email))[0]?.subject).toBe("Suivi M+3 : 3 actions à traiter (dont 2 en retard)");
  });

  it("runs on demand for a manager, for his organisation only", async () => {
    const [mine, other] = [await brokerFixture(ctx), await brokerFixture(ctx)];
    const theirs = await newFollowup(ctx, other);
    await action(theirs.id, theirs.client.id, other.agent.id, parisToday(ctx.clock()), { orgId: other.orgId });
    const { id, client } = await newFollowup(ctx, mine);
    await action(id, client.id, mine.proAgent.id, parisToday(ctx.clock()), { orgId: mine.orgId });
    expect((await api.call(mine.agent.session, "POST", "/api/v1/followups/reminders")).status).toBe(403);
    const res = await api.call(mine.admin.session, "POST", "/api/v1/followups/reminders");
    expect(res).toMatchObject({ status: 200, body: { owners: 1, actions: 1 } });
    expect(await mailsTo(mine.proAgent.email)).toHaveLength(1);
    expect(await mailsTo(other.agent.email)).toHaveLength(0);
  });
});

describe("Mes actions", () => {
  it("lists my open actions overdue, due today and upcoming, and marks one done", async () => {
    const team = await brokerFixture(ctx);
    const { id, client } = await newFollowup(ctx, team, { client: { firstName: "Marc", lastName: "Actions" } });
    const today = parisToday(ctx.clock());
    const late = await action(id, client.id, team.proAgent.id, addToIsoDate(today, 0, -3), { orgId: team.orgId });
    await action(id, client.id, team.proAgent.id, today, { kind: "appointment", orgId: team.orgId });
    await action(id, client.id, team.proAgent.id, addToIsoDate(today, 0, 5), { orgId: team.orgId });
    await action(id, client.id, team.agent.id, today, { orgId: team.orgId });
    const mine = await api.call(team.proAgent.session, "GET", "/api/v1/followups/my-actions");
    expect(mine.status).toBe(200);
    expect(mine.body.today).toBe(today);
    expect(mine.body.overdue).toEqual([
      expect.objectContaining({ id: late.id, kindLabel: "Créer devis", clientName: "Marc Actions", followupId: id }),
    ]);
    expect(mine.body.dueToday.map((a: { kindLabel: string }) => a.kindLabel)).toEqual(["Planifier RDV"]);
    expect(mine.body.upcoming).toHaveLength(1);

    expect((await api.call(team.proAgent.session, "POST", `/api/v1/followups/actions/${late.id}/done`)).body).toEqual({
      id: late.id,
      status: "done",
    });
    expect((await api.call(team.proAgent.session, "POST", `/api/v1/followups/actions/${late.id}/done`)).status).toBe(404);
    expect((await api.call(team.proAgent.session, "GET", "/api/v1/followups/my-actions")).body.overdue).toEqual([]);
    const history = (await api.view(team.proAgent.session, id)).body.history;
    expect(history.at(-1)).toMatchObject({ kind: "action_done", userName: "Paul Pro" });
  });
  it("counts each group in full even where the list stops", async () => {
    const team = await brokerFixture(ctx);
    const { id, client } = await newFollowup(ctx, team);
    const today = parisToday(new Date());
    for (const days of [-4, -3, -2, 0, 6]) await action(id, client.id, team.agent.id, addToIsoDate(today, 0, days), { orgId: team.orgId });
    const listed = await myActions(ctx.db, { orgId: team.orgId, userId: team.agent.id }, new Date(), 2);
    expect(listed.overdue).toHaveLength(2);
    expect(listed.counts).toEqual({ overdue: 3, dueToday: 1, upcoming: 1 });
  });
});

describe("the account manager's contact card", () => {
  it("is sent by e-mail as a vCard 4.0 attachment and recorded as the closing criterion", async () => {
    const { id, client } = await newFollowup(ctx, fx);
    const locked = await api.call(fx.agent.session, "POST", `/api/v1/followups/${id}/contact-card`, { channel: "email" });
    expect(locked.body.error.details.code).toBe("step_locked");
    await api.fire(fx.agent.session, id, "start_call");
    const res = await api.call(fx.agent.session, "POST", `/api/v1/followups/${id}/contact-card`, { channel: "email" });
    expect(res.status).toBe(200);
    const [mail] = await mailsTo(client.email as string);
    expect(mail).toMatchObject({ subject: "Votre conseiller dédié : Jocelyne Martin", tag: "followup.m3.contact-card", orgId: fx.orgId });
    expect(mail?.attachments).toEqual([
      expect.objectContaining({ filename: "Jocelyne-Martin.vcf", contentType: expect.stringMatching(/^text\/vcard/) }),
    ]);
    // From the agency, at the platform's address (which signs the mail); answers go to the advisor.
    expect(mail?.from).toMatch(/^"?Cabinet \d+ — agence Allianz Corniche"? <no-reply@leadsassurance\.local>$/);
    expect(mail?.raw).toMatch(new RegExp(`^Reply-To: ${fx.agent.email.replace(/[.+]/g, "\\$&")}\r?$`, "m"));
    expect(mail?.text?.split("\n")[0]).toBe(`Bonjour Monsieur ${client.lastName},`);
    const card = attachedVCard(mail?.raw);
    expect(card).toMatch(/^BEGIN:VCARD\r\nVERSION:4.0\r\n/);
    expect(card).toContain("FN:Jocelyne Martin\r\n");
    expect(card).toContain("TEL;VALUE=uri;TYPE=cell,voice:tel:+33612345678");
    const [row] = await ctx.db.select().from(followups).where(eq(followups.id, id));
    expect(row?.closing).toMatchObject({ contactCardSent: true, contactCardChannel: "email" });

    await ctx.db.update(clients).set({ civility: null }).where(eq(clients.id, client.id));
    await api.call(fx.agent.session, "POST", `/api/v1/followups/${id}/contact-card`, { channel: "email", version: "3.0" });
    const [v3] = await mailsTo(client.email as string);
    expect(v3?.attachments[0]?.contentType).toMatch(/^text\/x-vcard/);
    expect(attachedVCard(v3?.raw)).toMatch(/^BEGIN:VCARD\r\nVERSION:3.0\r\n/);
    // No civility on the record: first and last name, never a guessed Madame or Monsieur.
    expect(v3?.text?.split("\n")[0]).toBe(`Bonjour Paul ${client.lastName},`);
  });

  it("is sent by SMS as a short text with the manager's name, phone and e-mail", async () => {
    const { id, client } = await newFollowup(ctx, fx);
    await api.fire(fx.agent.session, id, "start_call");
    expect((await api.call(fx.agent.session, "POST", `/api/v1/followups/${id}/contact-card`, { channel: "sms" })).status).toBe(200);
    const [sms] = await ctx.db
      .select()
      .from(capturedMessages)
      .where(and(eq(capturedMessages.to, client.phone as string), eq(capturedMessages.channel, "sms")));
    expect(sms?.text).toContain("Jocelyne Martin");
    expect(sms?.text).toContain("+33612345678");
    expect(sms?.text).toContain(fx.agent.email);
    const [row] = await ctx.db.select().from(followups).where(eq(followups.id, id));
    expect(row?.closing).toMatchObject({ contactCardSent: true, contactCardChannel: "sms" });
  });

  it("can be downloaded, in 4.0 or 3.0", async () => {
    const { id } = await newFollowup(ctx, fx);
    const res = await ctx.app.inject({
      method: "GET",
      url: `/api/v1/followups/${id}/contact-card.vcf?version=3.0`,
      headers: { cookie: fx.agent.session.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toBe('attachment; filename="Jocelyne-Martin.vcf"');
    expect(res.body).toMatch(/^BEGIN:VCARD\r\nVERSION:3.0\r\n/);
    expect(res.body).toContain("ORG:Cabinet");
  });
});
