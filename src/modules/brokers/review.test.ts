import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshIp, operatorSession, signedUpBroker } from "../../../tests/support/brokers";
import { asUser, createOrgWithUser, createTestApp, json, login, type TestContext } from "../../../tests/support/test-app";
import { auditEvents } from "../audit/schema";
import { capturedMessages } from "../notifications/schema";
import { acceptInvitation } from "./accept-invitation";
import { INVITATION_TTL_MS } from "./invite-colleague";
import { brokerInvitations } from "./schema";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

type Headers = Record<string, string>;
const req = (method: "GET" | "POST" | "PUT", url: string, headers: Headers, payload?: unknown) =>
  ctx.app.inject({ method, url, headers, payload: payload as object, remoteAddress: freshIp() });

describe("the operator verifies the ORIAS registration", () => {
  it("lists the cabinets to verify with their ORIAS number, categories and a link to orias.fr; verifies, audited", async () => {
    const broker = await signedUpBroker(ctx, { oriasCategories: ["COA", "COBSP"] });
    const op = await operatorSession(ctx);
    const pending = await req("GET", "/api/v1/admin/brokerages?status=pending", asUser(op.session));
    expect(pending.statusCode).toBe(200);
    const item = json(pending).items.find((b: { orgId: string }) => b.orgId === broker.orgId);
    expect(item).toMatchObject({
      status: "pending",
      oriasNumber: broker.payload.oriasNumber,
      oriasCategories: ["COA", "COBSP"],
      adminEmail: broker.payload.email,
      oriasSearchUrl: `https://www.orias.fr/search?registrationNumber=${broker.payload.oriasNumber}`,
    });

    const verified = await req("POST", `/api/v1/admin/brokerages/${broker.orgId}/verify`, asUser(op.session));
    expect(verified.statusCode).toBe(200);
    expect(json(verified)).toMatchObject({ status: "verified", refusedAt: null });
    expect(json(verified).verifiedAt).toBeTruthy();
    const list = json(await req("GET", "/api/v1/admin/brokerages?status=verified", asUser(op.session))).items;
    expect(list.find((b: { orgId: string }) => b.orgId === broker.orgId)).toMatchObject({ verifiedByName: `Prénom ${op.user.lastName}` });
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, broker.orgId), eq(auditEvents.action, "brokerage.verified")));
    expect(event).toMatchObject({ userId: op.user.id, orgId: op.org.id });
    // The broker sees it too.
    expect(json(await req("GET", "/api/v1/brokerage", asUser(broker.session))).status).toBe("verified");
  });

  it("refuses with a reason (audited); a reason is required; a later verification clears the refusal", async () => {
    const broker = await signedUpBroker(ctx);
    const op = await operatorSession(ctx);
    const noReason = await req("POST", `/api/v1/admin/brokerages/${broker.orgId}/refuse`, asUser(op.session), { reason: " " });
    expect(noReason.statusCode).toBe(400);
    expect(json(noReason).error.message).toMatch(/motif du refus/i);
    const refused = await req("POST", `/api/v1/admin/brokerages/${broker.orgId}/refuse`, asUser(op.session), {
      reason: "Numéro ORIAS introuvable sur orias.fr",
    });
    expect(json(refused)).toMatchObject({ status: "refused", refusalReason: "Numéro ORIAS introuvable sur orias.fr", verifiedAt: null });
    const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, broker.orgId));
    expect(events.find((e) => e.action === "brokerage.refused")?.data).toMatchObject({ reason: "Numéro ORIAS introuvable sur orias.fr" });
    const again = await req("POST", `/api/v1/admin/brokerages/${broker.orgId}/verify`, asUser(op.session));
    expect(json(again)).toMatchObject({ status: "verified", refusalReason: null });
  });

  it("sets the brokerage's partner categories (known ones only), audited", async () => {
    const broker = await signedUpBroker(ctx);
    const op = await operatorSession(ctx);
    const url = `/api/v1/admin/brokerages/${broker.orgId}/partner-categories`;
    const bad = await req("PUT", url, asUser(op.session), { partnerCategories: ["courtiers-de-tout"] });
    expect(bad.statusCode).toBe(400);
    const ok = await req("PUT", url, asUser(op.session), {
      partnerCategories: ["credit-immobilier", "assurance-emprunteur", "credit-immobilier"],
    });
    expect(json(ok).partnerCategories).toEqual(["credit-immobilier", "assurance-emprunteur"]);
    const [event] = await ctx.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, broker.orgId), eq(auditEvents.action, "brokerage.partner_categories_set")));
    expect(event?.data).toEqual({ before: [], after: ["credit-immobilier", "assurance-emprunteur"] });
    expect(
      (await req("PUT", url.replace(broker.orgId, "00000000-0000-4000-8000-000000000000"), asUser(op.session), { partnerCategories: [] }))
        .statusCode,
    ).toBe(404);
  });

  it("is the operator's only: brokers (even of the cabinet) and suppliers get 403, anonymous 401", async () => {
    const broker = await signedUpBroker(ctx);
    const supplier = await createOrgWithUser(ctx, "supplier");
    const s = await login(ctx.app, supplier.email);
    for (const headers of [asUser(broker.session), asUser(s)]) {
      expect((await req("GET", "/api/v1/admin/brokerages", headers)).statusCode).toBe(403);
      expect((await req("POST", `/api/v1/admin/brokerages/${broker.orgId}/verify`, headers)).statusCode).toBe(403);
      expect(
        (
          await req("PUT", `/api/v1/admin/brokerages/${broker.orgId}/partner-categories`, headers, {
            partnerCategories: ["credit-immobilier"],
          })
        ).statusCode,
      ).toBe(403);
    }
    expect((await req("GET", "/api/v1/admin/brokerages", {})).statusCode).toBe(401);
    expect(json(await req("GET", "/api/v1/brokerage", asUser(broker.session))).status).toBe("pending");
  });
});

describe("invitations of colleagues", () => {
  it("a broker admin invites by e-mail; the link creates the colleague's account in that cabinet, once", async () => {
    const broker = await signedUpBroker(ctx);
    const email = `collegue-${broker.orgId.slice(0, 8)}@courtage.test`;
    const sent = await req("POST", "/api/v1/brokerage/invitations", asUser(broker.session), { email, role: "broker_agent" });
    expect(sent.statusCode).toBe(201);
    expect(json(sent)).toMatchObject({ email, role: "broker_agent", acceptedAt: null });

    const [mail] = await ctx.db.select().from(capturedMessages).where(eq(capturedMessages.orgId, broker.orgId));
    expect(mail).toMatchObject({ to: email, tag: "brokers.invitation" });
    expect(mail?.subject).toContain("Courtage Méditerranée SAS vous invite");
    const token = mail?.text?.match(/jeton=([A-Za-z0-9_-]+)/)?.[1] as string;
    expect(token).toBeTruthy();

    const shown = await req("GET", `/api/v1/broker-invitations/${token}`, {});
    expect(json(shown)).toEqual({ orgName: "Courtage Méditerranée SAS", email, role: "broker_agent" });
    const accepted = await req(
      "POST",
      "/api/v1/broker-invitations/accept",
      {},
      { token, firstName: "Paul", lastName: "Ndiaye", password: "mot-de-passe-de-paul" },
    );
    expect(accepted.statusCode).toBe(201);
    expect(json(accepted)).toMatchObject({ user: { email, role: "broker_agent" }, organisation: { id: broker.orgId, kind: "courtier" } });
    // The colleague logs in to the cabinet.
    const paul = await login(ctx.app, email, "mot-de-passe-de-paul");
    expect(json(await req("GET", "/api/v1/brokerage", asUser(paul))).orgId).toBe(broker.orgId);

    const reused = await req(
      "POST",
      "/api/v1/broker-invitations/accept",
      {},
      { token, firstName: "X", lastName: "Y", password: "encore-un-mot-de-passe" },
    );
    expect(reused.statusCode).toBe(410);
    expect(json(reused).error.code).toBe("invitation_invalid");
    expect((await req("GET", `/api/v1/broker-invitations/${token}`, {})).statusCode).toBe(410);
    const actions = (await ctx.db.select().from(auditEvents).where(eq(auditEvents.orgId, broker.orgId))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["broker_invitation.created", "broker_invitation.accepted"]));
    expect(json(await req("GET", "/api/v1/brokerage/invitations", asUser(broker.session))).items[0].acceptedAt).toBeTruthy();
  });

  it("only a broker admin invites, within its own cabinet; another cabinet sees none of its invitations", async () => {
    const a = await signedUpBroker(ctx);
    const b = await signedUpBroker(ctx);
    await req("POST", "/api/v1/brokerage/invitations", asUser(a.session), {
      email: `x-${a.orgId.slice(0, 6)}@courtage.test`,
      role: "broker_admin",
    });
    expect(json(await req("GET", "/api/v1/brokerage/invitations", asUser(b.session))).items).toEqual([]);
    const agent = await createOrgWithUser(ctx, "broker_agent");
    const agentSession = await login(ctx.app, agent.email);
    const refused = await req("POST", "/api/v1/brokerage/invitations", asUser(agentSession), {
      email: "y@courtage.test",
      role: "broker_agent",
    });
    expect(refused.statusCode).toBe(403);
    const supplier = await createOrgWithUser(ctx, "supplier");
    expect(
      (
        await req("POST", "/api/v1/brokerage/invitations", asUser(await login(ctx.app, supplier.email)), {
          email: "z@courtage.test",
          role: "broker_admin",
        })
      ).statusCode,
    ).toBe(403);
    // A role outside the cabinet's is refused by the schema.
    const platform = await req("POST", "/api/v1/brokerage/invitations", asUser(a.session), {
      email: "w@courtage.test",
      role: "platform_admin",
    });
    expect(platform.statusCode).toBe(400);
    // An address that already has an account: 409.
    const taken = await req("POST", "/api/v1/brokerage/invitations", asUser(a.session), { email: b.payload.email, role: "broker_agent" });
    expect(json(taken).error).toMatchObject({ code: "email_taken", field: "email" });
  });

  it("an expired invitation creates nothing", async () => {
    const broker = await signedUpBroker(ctx);
    await req("POST", "/api/v1/brokerage/invitations", asUser(broker.session), {
      email: `late-${broker.orgId.slice(0, 6)}@courtage.test`,
      role: "broker_agent",
    });
    const [mail] = await ctx.db.select().from(capturedMessages).where(eq(capturedMessages.orgId, broker.orgId));
    const token = mail?.text?.match(/jeton=([A-Za-z0-9_-]+)/)?.[1] as string;
    const later = new Date(ctx.clock().getTime() + INVITATION_TTL_MS + 60_000);
    await expect(
      ctx.db.transaction((tx) => acceptInvitation(tx, { token, firstName: "A", lastName: "B", password: "mot-de-passe-long" }, later)),
    ).rejects.toMatchObject({ code: "invitation_invalid" });
    const [inv] = await ctx.db.select().from(brokerInvitations).where(eq(brokerInvitations.orgId, broker.orgId));
    expect(inv?.acceptedAt).toBeNull();
  });
});
