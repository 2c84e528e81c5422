import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signupBody } from "../../../tests/factories/brokerages";
import { freshIp, signUp } from "../../../tests/support/brokers";
import { createTestApp, json, type TestContext } from "../../../tests/support/test-app";
import { organisations, users } from "../accounts/schema";
import { auditEvents } from "../audit/schema";
import { brokerages } from "./schema";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const orgCount = async () => (await ctx.db.select({ n: count() }).from(organisations))[0]?.n ?? 0;

describe("Créer un compte courtier", () => {
  it("creates the organisation, its brokerage (not verified) and its admin, logged in, in the audit chain", async () => {
    const { res, payload } = await signUp(ctx, {
      siren: "732 829 320",
      vatNumber: "fr 44 732829320",
      oriasNumber: "07 023 456",
      city: "marseille",
    });
    expect(res.statusCode).toBe(201);
    const body = json(res);
    expect(body.organisation).toMatchObject({ kind: "courtier", name: "Courtage Méditerranée SAS" });
    expect(body.user).toMatchObject({ email: payload.email, role: "broker_admin" });
    expect(res.cookies.find((c) => c.name === "la_session")).toBeTruthy();

    const [row] = await ctx.db.select().from(brokerages).where(eq(brokerages.orgId, body.organisation.id));
    expect(row).toMatchObject({
      legalName: "Courtage Méditerranée SAS",
      siren: "732829320",
      vatNumber: "FR44732829320",
      oriasNumber: "07023456",
      oriasCategories: ["COA"],
      partnerCategories: [],
      postalCode: "13002",
      verifiedAt: null,
    });
    expect(row?.city).toMatch(/^Marseille/);
    // Its invoices name it as the buyer with its address and VAT number (billing reads the organisation).
    const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, body.organisation.id));
    expect(org).toMatchObject({ vatNumber: "FR44732829320", siren: "732829320", orias: "07023456" });
    expect(org?.address).toMatch(/^.+\n13002 Marseille/);
    const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.orgId, body.organisation.id));
    expect(events.map((e) => e.action).sort()).toEqual(["brokerage.signed_up", "user.created"]);
    expect(events.find((e) => e.action === "brokerage.signed_up")?.data).toMatchObject({ siren: "732829320", oriasNumber: "07023456" });

    // The new admin sees its cabinet, waiting for verification.
    const cookie = `la_session=${res.cookies.find((c) => c.name === "la_session")?.value}`;
    const mine = await ctx.app.inject({ method: "GET", url: "/api/v1/brokerage", headers: { cookie } });
    expect(mine.statusCode).toBe(200);
    expect(json(mine)).toMatchObject({ status: "pending", oriasCategories: ["COA"] });
  });

  it.each([
    [{ siren: "732829321" }, "siren", /SIREN invalide : la clé de contrôle/],
    [{ siren: "12345" }, "siren", /9 chiffres/],
    [{ vatNumber: "FR45732829320", siren: "732829320" }, "vatNumber", /la clé ne correspond pas/],
    [{ vatNumber: "FR40303265045", siren: "732829320" }, "vatNumber", /ne correspond pas au SIREN/],
    [{ vatNumber: "DE123456789" }, "vatNumber", /FR, puis 2 chiffres/],
    [{ oriasNumber: "1234567" }, "oriasNumber", /8 chiffres/],
    [{ postalCode: "1300" }, "postalCode", /invalide/],
    [{ postalCode: "13002", city: "Lyon" }, "city", /ne correspond pas au code postal/],
    [{ email: "pas-une-adresse" }, "email", /e-mail/],
  ] as const)("refuses %o: 400 on %s with a French message, nothing written", async (override, field, message) => {
    const before = await orgCount();
    const { res } = await signUp(ctx, override);
    expect(res.statusCode).toBe(400);
    const { error } = json(res);
    expect(error.code).toBe("validation_error");
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(await orgCount()).toBe(before);
  });

  it("names every field at fault, and the schema's own checks in French (categories, password)", async () => {
    const { res } = await signUp(ctx, { siren: "732829321", oriasNumber: "12", email: "x" });
    expect(json(res).error.details.map((d: { field: string }) => d.field)).toEqual(["siren", "oriasNumber", "email"]);
    const empty = await signUp(ctx, { oriasCategories: [] });
    expect(empty.res.statusCode).toBe(400);
    expect(json(empty.res).error.field).toBe("body.oriasCategories");
    expect(json(empty.res).error.message).toMatch(/catégories d'inscription ORIAS/i);
    const unknown = await signUp(ctx, { oriasCategories: ["XYZ" as "COA"] });
    expect(unknown.res.statusCode).toBe(400);
    const short = await signUp(ctx, { password: "court" });
    expect(short.res.statusCode).toBe(400);
    expect(json(short.res).error.message).toMatch(/mot de passe/i);
  });

  it("refuses a second cabinet with the same SIREN or ORIAS number, and an e-mail already used (409)", async () => {
    const first = await signUp(ctx);
    expect(first.res.statusCode).toBe(201);
    const sameSiren = await signUp(ctx, { siren: first.payload.siren });
    expect(sameSiren.res.statusCode).toBe(409);
    expect(json(sameSiren.res).error).toMatchObject({ code: "brokerage_exists", field: "siren" });
    const sameOrias = await signUp(ctx, { oriasNumber: first.payload.oriasNumber });
    expect(json(sameOrias.res).error).toMatchObject({ code: "brokerage_exists", field: "oriasNumber" });
    const sameEmail = await signUp(ctx, { email: first.payload.email.toUpperCase() });
    expect(sameEmail.res.statusCode).toBe(409);
    expect(json(sameEmail.res).error).toMatchObject({ code: "email_taken", field: "email" });
  });

  it("of two simultaneous sign-ups with the same SIREN, one only creates a cabinet; the other gets a 409", async () => {
    const body = signupBody();
    const [a, b] = await Promise.all([
      signUp(ctx, { ...body, email: `a-${body.email}`, oriasNumber: "31000001" }),
      signUp(ctx, { ...body, email: `b-${body.email}`, oriasNumber: "31000002" }),
    ]);
    expect([a.res.statusCode, b.res.statusCode].sort()).toEqual([201, 409]);
    const loser = a.res.statusCode === 409 ? a.res : b.res;
    expect(json(loser).error).toMatchObject({ code: "brokerage_exists", field: "siren" });
    expect((await ctx.db.select({ n: count() }).from(brokerages).where(eq(brokerages.siren, body.siren)))[0]?.n).toBe(1);
  });

  it("is limited per client address like the login (429 past 5 in 15 minutes)", async () => {
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await signUp(ctx, { siren: "732829321" }, ip)).res.statusCode);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    const refused = await ctx.app.inject({ method: "POST", url: "/api/v1/brokerages", payload: signupBody(), remoteAddress: ip });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBeTruthy();
    // Another address is not affected.
    expect((await signUp(ctx)).res.statusCode).toBe(201);
  });

  it("stores the admin's password hashed with argon2id, like every account", async () => {
    const { res, payload } = await signUp(ctx);
    const [u] = await ctx.db
      .select()
      .from(users)
      .where(and(eq(users.email, payload.email), eq(users.orgId, json(res).organisation.id)));
    expect(u?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(u?.passwordHash).not.toContain(payload.password);
  });
});
