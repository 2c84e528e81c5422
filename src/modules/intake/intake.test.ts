import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead } from "../../../tests/factories/leads";
import {
  asUser,
  bearer,
  createOrgWithUser,
  createTestApp,
  login,
  publishTestConsentText,
  type TestContext,
} from "../../../tests/support/test-app";
import { rawRows } from "../../platform/db/raw-rows";
import { auditEvents } from "../audit/schema";
import { ingestLeads, ingestLeadsAtOnce } from "./ingest-leads";
import { objectItem } from "./read-lead-json";
import { leadConsents, leads } from "./schema";

let ctx: TestContext;
let key: string;
let version: string;
let supplierOrgId: string;
beforeAll(async () => {
  ctx = await createTestApp();
  const s = await createOrgWithUser(ctx, "supplier");
  key = s.apiKey as string;
  supplierOrgId = s.org.id;
  version = (await publishTestConsentText(ctx)).version;
});
afterAll(() => ctx.close());

const post = (payload: unknown, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: "POST", url: "/api/v1/leads", headers: { ...bearer(key), ...headers }, payload: payload as object });
const codes = (res: { json(): { reasons?: { code: string }[] } }) => (res.json().reasons ?? []).map((r) => r.code).sort();

describe("single lead API", () => {
  it("accepts a valid lead, normalises its contact and keeps a verifiable consent proof", async () => {
    const lead = validLead(version, {
      contact: { ...validLead(version).contact, phone: "0690 12 34 56", postalCode: "97110", city: "Pointe-a-Pitre" },
    });
    const res = await post(lead);
    expect(res.statusCode).toBe(201);
    const { id, status } = res.json();
    expect(status).toBe("accepted");
    const detail = await ctx.app.inject({ method: "GET", url: `/api/v1/leads/${id}`, headers: bearer(key) });
    expect(detail.statusCode).toBe(200);
    const body = detail.json();
    expect(body.phone).toBe("+590690123456");
    expect(body.city).toBe("Pointe-à-Pitre");
    expect(body.proof).toMatchObject({
      method: "checkbox",
      prechecked: false,
      textVersion: version,
      ip: "82.64.123.45",
      fingerprintValid: true,
    });
    expect(body.proof.text.sha256).toMatch(/^[0-9a-f]{64}$/);
    const events = await ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(events.map((e) => e.action)).toEqual(["lead.accepted"]);
  });

  it("says a postal code with a digit missing is invalid, on the postal code rather than the city (issue 9)", async () => {
    const lead = validLead(version, { contact: { ...validLead(version).contact, postalCode: "1300", city: "Marseille" } });
    const res = await post(lead);
    expect(res.statusCode).toBe(422);
    expect(res.json().reasons).toEqual([
      { code: "postal_code_invalid", field: "contact.postalCode", message: "Code postal invalide : 5 chiffres attendus : 1300" },
    ]);
    // A lost leading zero that the city confirms is still read as such (spreadsheets drop it).
    const belley = validLead(version, { contact: { ...validLead(version).contact, postalCode: "1300", city: "Belley" } });
    expect((await post(belley)).statusCode).toBe(201);
  });

  it("collects every reason at once and still stores the rejected lead as sent", async () => {
    const lead = validLead(version, {
      contact: { firstName: "", lastName: "Durand", phone: "01 23", email: "pas-un-email", postalCode: "13001", city: "Lyon" },
      consent: {
        method: "checkbox",
        prechecked: true,
        textVersion: "inconnue",
        collectedAt: ctx.clock().toISOString(),
        ip: "192.168.1.10",
        userAgent: "",
        sourceUrl: "",
      },
      fields: { ...validLead(version).fields, usage: "course-poursuite", bonusMalus: 9 },
    });
    delete (lead.fields as Record<string, unknown>).typeVehicule;
    const res = await post(lead);
    expect(res.statusCode).toBe(422);
    expect(codes(res)).toEqual(
      [
        "city_postal_code_mismatch",
        "consent_ip_not_public",
        "consent_prechecked",
        "consent_source_url_missing",
        "consent_text_unknown",
        "consent_user_agent_missing",
        "contact_missing",
        "email_invalid",
        "field_invalid_option",
        "field_missing",
        "field_out_of_bounds",
        "phone_invalid",
      ].sort(),
    );
    const reasons = res.json().reasons as { code: string; field: string; message: string }[];
    expect(reasons.find((r) => r.code === "phone_invalid")?.field).toBe("contact.phone");
    expect(reasons.find((r) => r.code === "field_missing")?.field).toBe("fields.typeVehicule");
    expect(reasons.every((r) => r.message.length > 5)).toBe(true);
    const [stored] = await ctx.db.select().from(leads).where(eq(leads.id, res.json().id));
    expect(stored?.status).toBe("rejected");
    expect(stored?.payload).toMatchObject({ contact: { phone: "01 23" } });
    expect(await ctx.db.select().from(leadConsents).where(eq(leadConsents.leadId, res.json().id))).toHaveLength(0);
  });

  it("requires call centre, agent and recording for an oral consent", async () => {
    const res = await post(
      validLead(version, { consent: { method: "oral", prechecked: false, textVersion: version, collectedAt: ctx.clock().toISOString() } }),
    );
    expect(res.statusCode).toBe(422);
    expect(codes(res)).toEqual(["consent_agent_missing", "consent_call_center_missing", "consent_recording_missing"]);
    const ok = await post(
      validLead(version, {
        consent: {
          method: "oral",
          textVersion: version,
          collectedAt: ctx.clock().toISOString(),
          callCenter: "Call Provence",
          agent: "Agent 12",
          recordingRef: "REC-2026-0001",
        },
      }),
    );
    expect(ok.statusCode).toBe(201);
  });

  it("rejects a missing consent, a consent in the future and one older than its text", async () => {
    expect(codes(await post(validLead(version, { consent: undefined })))).toEqual(["consent_missing"]);
    const future = new Date(ctx.clock().getTime() + 3_600_000).toISOString();
    expect(codes(await post(validLead(version, { consent: { ...validLead(version).consent, collectedAt: future } })))).toEqual([
      "consent_in_future",
    ]);
    const before = "2026-07-01T10:00:00Z"; // the test text is published on 2026-08-01
    expect(codes(await post(validLead(version, { consent: { ...validLead(version).consent, collectedAt: before } })))).toEqual([
      "consent_before_text",
    ]);
  });

  it("rejects an unknown product", async () => {
    const res = await post(validLead(version, { product: "assurance-yacht" }));
    expect(codes(res)).toEqual(["product_unknown"]);
  });

  it("rejects a value of the wrong type with the field at fault, and stores the lead as sent", async () => {
    const res = await post({ contact: "oops" });
    expect(res.statusCode).toBe(422);
    expect(res.json().reasons).toContainEqual(expect.objectContaining({ code: "field_invalid", field: "contact" }));
    const [stored] = await ctx.db.select().from(leads).where(eq(leads.id, res.json().id));
    expect(stored?.payload).toEqual({ contact: "oops" });
  });
});

describe("duplicates and opposition", () => {
  it("rejects the same phone or e-mail for the same product within 30 days, not for another product", async () => {
    const first = validLead(version);
    expect((await post(first)).statusCode).toBe(201);
    const samePhone = validLead(version, { contact: { ...validLead(version).contact, phone: first.contact?.phone } });
    expect(codes(await post(samePhone))).toEqual(["duplicate_phone"]);
    const sameEmail = validLead(version, { contact: { ...validLead(version).contact, email: first.contact?.email?.toUpperCase() } });
    expect(codes(await post(sameEmail))).toEqual(["duplicate_email"]);
    const otherProduct = validLead(version, { contact: first.contact }, "assurance-habitation");
    expect((await post(otherProduct)).statusCode).toBe(201);
  });

  it("accepts the same person again after 30 days", async () => {
    const old = validLead(version);
    await ctx.db.transaction((tx) =>
      ingestLeads(tx, { orgId: supplierOrgId }, [objectItem(old)], {
        channel: "api",
        now: new Date(ctx.clock().getTime() - 31 * 86_400_000),
      }),
    );
    // The consent date must follow the text, not the backdated intake: it is recent, so this is a fresh lead.
    expect((await post(validLead(version, { contact: old.contact }))).statusCode).toBe(201);
  });

  it("rejects a person on the opposition list", async () => {
    const lead = validLead(version);
    const optOut = await ctx.app.inject({ method: "POST", url: "/api/v1/opt-out", payload: { phone: lead.contact?.phone } });
    expect(optOut.statusCode).toBe(204);
    expect(codes(await post(lead))).toEqual(["suppressed"]);
  });

  it("never accepts the same person twice when both arrive at the same moment", async () => {
    const lead = validLead(version);
    const results = await Promise.all(Array.from({ length: 6 }, () => post(lead)));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 422)).toHaveLength(5);
  });

  it.runIf(process.env.DATABASE_URL)(
    "on PostgreSQL, a person claimed between the unlocked lookup and the storing statement stores nothing of the batch",
    async () => {
      const lead = validLead(version);
      const neighbour = validLead(version);
      const accepted = () =>
        ctx.db
          .select({ id: leads.id })
          .from(leads)
          .where(and(eq(leads.email, String(lead.contact?.email)), eq(leads.status, "accepted")));
      const opts = { channel: "api" as const, now: ctx.clock() };
      let releaseFirst = () => {};
      const firstHoldsLocks = new Promise<void>((holding) => {
        // The first submission stores the person and keeps its transaction (and the person's locks) open.
        void ctx.db.transaction(async (tx) => {
          await ingestLeads(tx, { orgId: supplierOrgId }, [objectItem(lead)], opts);
          holding();
          await new Promise<void>((r) => {
            releaseFirst = r;
          });
        });
      });
      await firstHoldsLocks;
      // The second looks up without locks (it cannot see the uncommitted lead), then waits on the locks.
      const second = ingestLeadsAtOnce(ctx.db, { orgId: supplierOrgId }, [objectItem(neighbour), objectItem(lead)], opts);
      try {
        await waitForLockWaiters(1);
      } finally {
        releaseFirst();
      }
      expect(await second).toBeNull();
      expect(await accepted()).toHaveLength(1);
      const neighbourRows = await ctx.db
        .select({ id: leads.id })
        .from(leads)
        .where(eq(leads.email, String(neighbour.contact?.email)));
      expect(neighbourRows).toHaveLength(0);
      // Judged again in a transaction, the batch stores both: the neighbour accepted, the person a duplicate.
      const again = await ctx.db.transaction((tx) =>
        ingestLeads(tx, { orgId: supplierOrgId }, [objectItem(neighbour), objectItem(lead)], opts),
      );
      expect(again.map((r) => r.status)).toEqual(["accepted", "rejected"]);
    },
  );
});

/** Waits until `n` sessions of this database wait on a lock. */
async function waitForLockWaiters(n: number) {
  for (let i = 0; i < 200; i++) {
    const [row] = await rawRows<{ waiting: number }>(
      ctx.db,
      sql`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if ((row?.waiting ?? 0) >= n) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no session waited on a lock`);
}

describe("idempotency", () => {
  it("replays the first answer on a retry and creates nothing", async () => {
    const lead = validLead(version);
    const first = await post(lead, { "idempotency-key": "retry-1" });
    const again = await post(lead, { "idempotency-key": "retry-1" });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    const rows = await ctx.db
      .select()
      .from(leads)
      .where(eq(leads.externalRef, lead.externalRef ?? ""));
    expect(rows).toHaveLength(1);
  });

  it("refuses the same key with a different body", async () => {
    await post(validLead(version), { "idempotency-key": "retry-2" });
    const res = await post(validLead(version), { "idempotency-key": "retry-2" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("idempotency_key_reused");
  });
});

describe("batch API", () => {
  it("judges each item alone and answers in order, catching duplicates inside the batch", async () => {
    const a = validLead(version);
    const bad = validLead(version, { contact: { ...validLead(version).contact, email: "x" } });
    const dup = validLead(version, { contact: { ...validLead(version).contact, phone: a.contact?.phone } });
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/leads/batch",
      headers: bearer(key),
      payload: { leads: [a, bad, dup] },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ accepted: 1, rejected: 2 });
    expect(body.results.map((r: { status: string }) => r.status)).toEqual(["accepted", "rejected", "rejected"]);
    expect(body.results[2].reasons.map((r: { code: string }) => r.code)).toEqual(["duplicate_phone"]);
  });

  it("refuses more than 1,000 items", async () => {
    const res = await ctx.app.inject({
      method: "POST",
      url: "/api/v1/leads/batch",
      headers: bearer(key),
      payload: { leads: Array.from({ length: 1001 }, () => ({})) },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe("organisation scoping", () => {
  it("hides a supplier's leads from another supplier (404, absent from lists)", async () => {
    const res = await post(validLead(version));
    const other = await createOrgWithUser(ctx, "supplier");
    const detail = await ctx.app.inject({ method: "GET", url: `/api/v1/leads/${res.json().id}`, headers: bearer(other.apiKey as string) });
    expect(detail.statusCode).toBe(404);
    const list = await ctx.app.inject({ method: "GET", url: "/api/v1/leads", headers: bearer(other.apiKey as string) });
    expect(list.json().items).toEqual([]);
    const session = await login(ctx.app, other.email);
    const viaSession = await ctx.app.inject({ method: "GET", url: `/api/v1/leads/${res.json().id}`, headers: asUser(session) });
    expect(viaSession.statusCode).toBe(404);
  });

  it("refuses lead routes to brokers", async () => {
    const broker = await createOrgWithUser(ctx, "broker_admin");
    const s = await login(ctx.app, broker.email);
    expect((await ctx.app.inject({ method: "GET", url: "/api/v1/leads", headers: asUser(s) })).statusCode).toBe(403);
  });
});

describe("supplier reporting", () => {
  it("counts accepted and rejected per day, per product and per reason", async () => {
    const s = await createOrgWithUser(ctx, "supplier");
    const k = s.apiKey as string;
    const send = (p: unknown) => ctx.app.inject({ method: "POST", url: "/api/v1/leads", headers: bearer(k), payload: p as object });
    await send(validLead(version));
    await send(validLead(version, {}, "mutuelle-sante"));
    await send(validLead(version, { contact: { ...validLead(version).contact, email: "nope" } }));
    const res = await ctx.app.inject({ method: "GET", url: "/api/v1/leads/stats", headers: bearer(k) });
    const stats = res.json();
    expect(stats.totals).toEqual({ accepted: 2, rejected: 1 });
    expect(stats.byDay).toHaveLength(1);
    expect(stats.byProduct).toEqual(
      expect.arrayContaining([
        { product: "assurance-auto", accepted: 1, rejected: 1 },
        { product: "mutuelle-sante", accepted: 1, rejected: 0 },
      ]),
    );
    expect(stats.byReason).toEqual([{ code: "email_invalid", message: "Adresse e-mail invalide", count: 1 }]);

    const csv = await ctx.app.inject({ method: "GET", url: "/api/v1/leads/export.csv?status=rejected", headers: bearer(k) });
    expect(csv.headers["content-type"]).toContain("text/csv");
    const lines = csv.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Adresse e-mail invalide");

    const filtered = await ctx.app.inject({ method: "GET", url: "/api/v1/leads?product=mutuelle-sante", headers: bearer(k) });
    expect(filtered.json().items).toHaveLength(1);
  });

  it("paginates with a cursor", async () => {
    const s = await createOrgWithUser(ctx, "supplier");
    const k = s.apiKey as string;
    for (let i = 0; i < 5; i++)
      await ctx.app.inject({ method: "POST", url: "/api/v1/leads", headers: bearer(k), payload: validLead(version) as object });
    const page1 = (await ctx.app.inject({ method: "GET", url: "/api/v1/leads?limit=3", headers: bearer(k) })).json();
    expect(page1.items).toHaveLength(3);
    const page2 = (await ctx.app.inject({ method: "GET", url: `/api/v1/leads?limit=3&cursor=${page1.next}`, headers: bearer(k) })).json();
    expect(page2.items).toHaveLength(2);
    expect(page2.next).toBeNull();
    const ids = new Set([...page1.items, ...page2.items].map((l: { id: string }) => l.id));
    expect(ids.size).toBe(5);
  });
});
