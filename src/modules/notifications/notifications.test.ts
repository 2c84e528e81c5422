import net from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrgWithUser, createTestApp, login, type TestContext } from "../../../tests/support/test-app";
import { sendMail, sendSms } from "./notifier";
import { parseMessage } from "./parse-message";
import { capturedMessages } from "./schema";
import { type VCardInput, vcardAttachment } from "./vcard";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const manager: VCardInput = {
  firstName: "Éloïse",
  lastName: "Martin",
  organisation: "Cabinet Martin, Courtage",
  title: "Chargée de clientèle",
  mobile: "+33612345678",
  email: "eloise@cabinet-martin.fr",
};

async function brokerWithSession(role: "broker_admin" | "broker_agent" = "broker_admin") {
  const { org, email } = await createOrgWithUser(ctx, role);
  return { org, cookie: (await login(ctx.app, email)).cookie };
}

const get = (url: string, cookie: string) => ctx.app.inject({ method: "GET", url, headers: { cookie } });

describe("e-mail through the SMTP capture", () => {
  it("captures a mail with a vCard attachment and shows it in the organisation's outbox", async () => {
    const a = await brokerWithSession();
    const sent = await sendMail(ctx.app, {
      to: "client@example.fr",
      subject: "Votre conseillère : Éloïse Martin — ses coordonnées",
      text: "Bonjour,\nvoici la carte de visite de votre conseillère.\nÀ bientôt !",
      html: "<p>Bonjour,</p><p>voici la carte de visite de votre conseillère.</p>",
      attachments: [
        vcardAttachment(manager),
        { filename: "Fiche récapitulative.txt", content: "€ ".repeat(100), contentType: "text/plain" },
      ],
      replyTo: "eloise@cabinet-martin.fr",
      orgId: a.org.id,
      tag: "followup.m3.contact-card",
    });
    expect(sent.accepted).toEqual(["client@example.fr"]);
    expect(ctx.app.notifier.mail.mode).toBe("capture");

    const list = await get("/api/v1/outbox", a.cookie);
    expect(list.statusCode).toBe(200);
    expect(list.json().capture).toEqual({ email: true, sms: true });
    const item = list.json().items[0];
    expect(item).toMatchObject({
      channel: "email",
      tag: "followup.m3.contact-card",
      to: "client@example.fr",
      subject: "Votre conseillère : Éloïse Martin — ses coordonnées",
      attachmentCount: 2,
    });
    expect(item.from).toContain("no-reply@leadsassurance.local");

    const detail = await get(`/api/v1/outbox/${item.id}`, a.cookie);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      text: "Bonjour,\nvoici la carte de visite de votre conseillère.\nÀ bientôt !",
      messageId: sent.messageId,
      envelope: { to: ["client@example.fr"] },
      hasRaw: true,
    });
    expect(detail.json().attachments).toEqual([
      { filename: "Eloise-Martin.vcf", contentType: "text/vcard", size: Buffer.byteLength(vcardAttachment(manager).content) },
      { filename: "Fiche récapitulative.txt", contentType: "text/plain", size: Buffer.byteLength("€ ".repeat(100)) },
    ]);

    const raw = await get(`/api/v1/outbox/${item.id}/raw`, a.cookie);
    expect(raw.statusCode).toBe(200);
    expect(raw.headers["content-type"]).toMatch(/^message\/rfc822/);
    expect(raw.headers["content-disposition"]).toBe(`attachment; filename="message-${item.id}.eml"`);
    expect(raw.body).toMatch(new RegExp(`^X-LA-Org: ${a.org.id}`, "im"));
    expect(raw.body).toContain(`Message-ID: ${sent.messageId}`);
    // The .eml is the whole message: parsed again, it still holds both attachments.
    expect(parseMessage(Buffer.from(raw.body)).attachments.map((x) => x.filename)).toEqual([
      "Eloise-Martin.vcf",
      "Fiche récapitulative.txt",
    ]);
  });

  it("refuses an invalid recipient before any SMTP round trip", async () => {
    await expect(sendMail(ctx.app, { to: "pas-une-adresse", subject: "x", text: "x", orgId: null, tag: "test" })).rejects.toThrow(
      /Adresse e-mail invalide/,
    );
  });

  it("filters by channel and lists newest first", async () => {
    const a = await brokerWithSession("broker_agent");
    await sendMail(ctx.app, { to: "un@example.fr", subject: "Premier", text: "1", orgId: a.org.id, tag: "test" });
    await sendSms(ctx.app, { to: "+33612345678", text: "Deuxième", orgId: a.org.id, tag: "test" });
    await sendMail(ctx.app, { to: "deux@example.fr", subject: "Troisième", text: "3", orgId: a.org.id, tag: "test" });
    const all = (await get("/api/v1/outbox", a.cookie)).json().items;
    expect(all.map((m: { channel: string }) => m.channel)).toEqual(["email", "sms", "email"]);
    expect(all[0].subject).toBe("Troisième");
    const emails = (await get("/api/v1/outbox?channel=email", a.cookie)).json().items;
    expect(emails.map((m: { subject: string }) => m.subject)).toEqual(["Troisième", "Premier"]);
    // The list is cut to the newest; the total says how many there are.
    const newest = (await get("/api/v1/outbox?channel=email&limit=1", a.cookie)).json();
    expect([newest.items.length, newest.total]).toEqual([1, 2]);
  });
});

describe("SMS capture", () => {
  it("stores the SMS with its encoding and segment count", async () => {
    const a = await brokerWithSession();
    const text = `Bonjour, votre conseillère Éloïse Martin reste à votre écoute au 06 12 34 56 78. Ça vous aidera : ${"a".repeat(40)}`;
    const result = await sendSms(ctx.app, { to: "+33612345678", text, orgId: a.org.id, tag: "followup.m3.contact-card" });
    expect(result).toMatchObject({ encoding: "UCS-2", segments: 3 });

    const items = (await get("/api/v1/outbox?channel=sms", a.cookie)).json().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: result.id,
      channel: "sms",
      to: "+33612345678",
      subject: null,
      smsEncoding: "UCS-2",
      smsSegments: 3,
    });
    const detail = await get(`/api/v1/outbox/${result.id}`, a.cookie);
    expect(detail.json()).toMatchObject({ text, hasRaw: false });
    expect((await get(`/api/v1/outbox/${result.id}/raw`, a.cookie)).statusCode).toBe(404);
  });

  it("refuses a national number and an over-long text, storing nothing", async () => {
    const a = await brokerWithSession();
    await expect(sendSms(ctx.app, { to: "06 12 34 56 78", text: "Bonjour", orgId: a.org.id, tag: "t" })).rejects.toThrow(
      /format international/,
    );
    await expect(sendSms(ctx.app, { to: "+33612345678", text: "ç".repeat(500), orgId: a.org.id, tag: "t" })).rejects.toThrow(
      /SMS trop long/,
    );
    expect(await ctx.db.select().from(capturedMessages).where(eq(capturedMessages.orgId, a.org.id))).toHaveLength(0);
  });
});

describe("organisation scoping", () => {
  it("never shows another organisation's message: absent from the list, 404 on detail and raw", async () => {
    const a = await brokerWithSession();
    const b = await brokerWithSession();
    const sent = await sendMail(ctx.app, {
      to: "client-a@example.fr",
      subject: "Confidentiel A",
      text: "secret",
      orgId: a.org.id,
      tag: "test",
    });
    const [row] = await ctx.db.select().from(capturedMessages).where(eq(capturedMessages.messageId, sent.messageId));
    expect(row?.orgId).toBe(a.org.id);
    const id = row?.id as string;

    expect((await get("/api/v1/outbox", a.cookie)).json().items.map((m: { id: string }) => m.id)).toContain(id);
    const listB = await get("/api/v1/outbox", b.cookie);
    expect(listB.json().items.map((m: { id: string }) => m.id)).not.toContain(id);
    for (const url of [`/api/v1/outbox/${id}`, `/api/v1/outbox/${id}/raw`]) {
      const res = await get(url, b.cookie);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    }
  });

  it("is for broker and platform users only", async () => {
    const supplier = await createOrgWithUser(ctx, "supplier");
    const s = await login(ctx.app, supplier.email);
    expect((await get("/api/v1/outbox", s.cookie)).statusCode).toBe(403);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/outbox" })).statusCode).toBe(401);
    const admin = await createOrgWithUser(ctx, "platform_admin");
    expect((await get("/api/v1/outbox", (await login(ctx.app, admin.email)).cookie)).statusCode).toBe(200);
  });
});

describe("with SMTP_URL (production mode of the mail channel)", () => {
  it("delivers to the configured SMTP server over reused connections, and captures nothing", async () => {
    const received: string[] = [];
    let connections = 0;
    const provider = new SMTPServer({
      authOptional: true,
      onConnect: (_session, cb) => {
        connections++;
        cb();
      },
      disabledCommands: ["STARTTLS"],
      logger: false,
      onAuth: (auth, _session, cb) => cb(null, { user: auth.username }),
      onData(stream, _session, cb) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push(Buffer.concat(chunks).toString("utf8"));
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
    const { port } = provider.server.address() as { port: number };
    const prod = await createTestApp({ SMTP_URL: `smtp://user:secret@127.0.0.1:${port}?ignoreTLS=true` });
    try {
      expect(prod.app.notifier.mail).toEqual({ mode: "smtp", captureAddress: null });
      const { org, email } = await createOrgWithUser(prod, "broker_admin");
      await sendMail(prod.app, { to: "client@example.fr", subject: "Réel", text: "Envoyé", orgId: org.id, tag: "test" });
      expect(received).toHaveLength(1);
      // Internal identifiers stay out of real mail.
      expect(received[0]).not.toMatch(/X-LA-Org/i);
      // A burst of sales means a burst of mail: the connection is kept and reused, not opened per message.
      for (let i = 0; i < 4; i++)
        await sendMail(prod.app, { to: "client@example.fr", subject: `Suite ${i}`, text: "Envoyé", orgId: org.id, tag: "test" });
      expect(received).toHaveLength(5);
      expect(connections).toBe(1);
      const res = await prod.app.inject({
        method: "GET",
        url: "/api/v1/outbox",
        headers: { cookie: (await login(prod.app, email)).cookie },
      });
      expect(res.json()).toMatchObject({ capture: { email: false, sms: true }, items: [] });
      expect(res.json().notice).toMatch(/réellement envoyés/);
    } finally {
      await prod.close();
      await new Promise<void>((resolve) => provider.close(() => resolve()));
    }
  });
});

describe("capture server lifecycle", () => {
  const reachable = (port: number) =>
    new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });

  it("gives each test app its own capture server, closed with the app", async () => {
    const other = await createTestApp();
    const port = Number(other.app.notifier.mail.captureAddress?.split(":")[1]);
    expect(port).toBeGreaterThan(0);
    expect(other.app.notifier.mail.captureAddress).not.toBe(ctx.app.notifier.mail.captureAddress);
    expect(await reachable(port)).toBe(true);
    await other.close();
    expect(await reachable(port)).toBe(false);
  });
});
