import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validLead, validRdv } from "../../../tests/factories/leads";
import { csvOf, importedRows, uploadCsv } from "../../../tests/support/csv-import";
import {
  bearer,
  createOrgWithUser,
  createTestApp,
  login,
  publishTestConsentText,
  type Session,
  type TestContext,
} from "../../../tests/support/test-app";
import { leadAppointments } from "../appointments/schema";
import { auditEvents } from "../audit/schema";
import { csvHeader } from "../catalogue/rules/csv-columns";
import { ensurePriceGrid } from "../market";
import { appointmentFingerprint } from "./appointment-fingerprint";
import { REJECTION_MESSAGES } from "./rules/rejection";
import { leadConsents, leads } from "./schema";

/** Tuesday 1 December 2026, 10:00 in Paris. */
const now = new Date("2026-12-01T10:00:00+01:00");
const clock = () => new Date(now);

let ctx: TestContext;
let key: string;
let version: string;
let rdvVersion: string;
let session: Session;
beforeAll(async () => {
  ctx = await createTestApp({}, { clock });
  const supplier = await createOrgWithUser(ctx, "supplier");
  key = supplier.apiKey as string;
  session = await login(ctx.app, supplier.email);
  version = (await publishTestConsentText(ctx)).version;
  rdvVersion = (await publishTestConsentText(ctx)).version;
  await ensurePriceGrid(ctx.db, now);
});
afterAll(() => ctx.close());

const post = (payload: unknown) =>
  ctx.app.inject({ method: "POST", url: "/api/v1/leads", headers: bearer(key), payload: payload as object });
const codes = (res: { json(): { reasons?: { code: string }[] } }) => (res.json().reasons ?? []).map((r) => r.code).sort();
const rdv = (overrides = {}, product?: string) => validRdv(version, rdvVersion, now, overrides, product);
const appointment = (a: object) => ({ ...rdv().appointment, ...a });

describe("qualified appointments (RDV) at intake", () => {
  it("accepts an RDV, stores its request and reinforced consent, fingerprinted and journaled", async () => {
    const sent = rdv();
    const res = await post(sent);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    const [lead] = await ctx.db.select().from(leads).where(eq(leads.id, id));
    expect(lead?.type).toBe("rdv");
    const [a] = await ctx.db.select().from(leadAppointments).where(eq(leadAppointments.leadId, id));
    expect(a).toMatchObject({ channel: "telephone", confirmation: "email", status: "requested", consentTextVersion: rdvVersion });
    expect(a?.availabilities.map((d) => d.toISOString())).toEqual(sent.appointment?.availabilities?.map((s) => new Date(s).toISOString()));
    const [k] = await ctx.db.select().from(leadConsents).where(eq(leadConsents.leadId, id));
    const recomputed = appointmentFingerprint(
      {
        leadId: id,
        availabilities: (a?.availabilities ?? []).map((d) => d.toISOString()),
        channel: a?.channel ?? "",
        confirmation: a?.confirmation ?? "",
        consentTextVersion: a?.consentTextVersion ?? "",
        consentTextSha256: a?.consentTextSha256 ?? "",
        consentCollectedAt: a?.consentCollectedAt.toISOString() ?? "",
      },
      k?.fingerprint ?? "",
    );
    expect(recomputed).toBe(a?.fingerprint);
    const [event] = await ctx.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(event?.data).toMatchObject({ appointment: a?.fingerprint });
  });

  it("refuses an RDV for a product the catalogue does not offer as RDV", async () => {
    const res = await post(rdv({}, "assurance-auto"));
    expect(res.statusCode).toBe(422);
    expect(res.json().reasons).toContainEqual({
      code: "rdv_not_available",
      field: "type",
      message: `${REJECTION_MESSAGES.rdv_not_available} : Assurance auto`,
    });
  });

  it("names every missing RDV field, and stores the rejected RDV like any lead", async () => {
    const res = await post(validLead(version, { type: "rdv" }, "assurance-emprunteur", now));
    expect(res.statusCode).toBe(422);
    expect(codes(res)).toEqual(
      ["rdv_availabilities_missing", "rdv_channel_invalid", "rdv_confirmation_invalid", "rdv_consent_missing"].sort(),
    );
    const fields = (res.json().reasons as { field: string }[]).map((r) => r.field);
    expect(fields).toContain("appointment.availabilities");
    const [stored] = await ctx.db.select().from(leads).where(eq(leads.id, res.json().id));
    expect(stored).toMatchObject({ status: "rejected", type: "rdv" });
  });

  it("refuses slots in the past, at the weekend, on a public holiday, outside 9:00-19:00 or too far, each by its index", async () => {
    const res = await post(
      rdv({
        appointment: appointment({
          availabilities: [
            "2026-11-30T10:00:00+01:00", // past
            "2026-12-05T10:00:00+01:00", // Saturday
            "2026-12-25T10:00:00+01:00", // Christmas, a Friday
            "2026-12-02T08:30:00+01:00", // before 9:00
            "2026-12-02T18:45:00+01:00", // ends after 19:00
          ],
        }),
      }),
    );
    expect(res.statusCode).toBe(422);
    expect((res.json().reasons as { code: string; field: string }[]).map((r) => `${r.field}:${r.code}`)).toEqual([
      "appointment.availabilities.0:rdv_availability_past",
      "appointment.availabilities.1:rdv_availability_outside_hours",
      "appointment.availabilities.2:rdv_availability_outside_hours",
      "appointment.availabilities.3:rdv_availability_outside_hours",
      "appointment.availabilities.4:rdv_availability_outside_hours",
    ]);
    const far = await post(rdv({ appointment: appointment({ availabilities: ["2027-02-02T10:00:00+01:00"] }) }));
    expect(codes(far)).toEqual(["rdv_availability_too_far"]);
    const six = await post(rdv({ appointment: appointment({ availabilities: Array(6).fill("2026-12-02T10:00:00+01:00") }) }));
    expect(codes(six)).toEqual(["rdv_too_many_availabilities"]);
    const bad = await post(rdv({ appointment: appointment({ availabilities: ["demain matin"], channel: "pigeon", confirmation: "fax" }) }));
    expect(codes(bad)).toEqual(["rdv_availability_invalid", "rdv_channel_invalid", "rdv_confirmation_invalid"]);
  });

  it("needs a mobile for an SMS confirmation, and a reinforced consent on its own published text, accepted", async () => {
    const landline = rdv({ appointment: appointment({ confirmation: "sms" }) });
    landline.contact = { ...landline.contact, phone: "01 42 68 53 00" };
    expect(codes(await post(landline))).toEqual(["rdv_confirmation_needs_mobile"]);
    expect((await post(rdv({ appointment: appointment({ confirmation: "sms" }) }))).statusCode).toBe(201);
    const notAccepted = appointment({ reinforcedConsent: { ...rdv().appointment?.reinforcedConsent, accepted: false } });
    expect(codes(await post(rdv({ appointment: notAccepted })))).toEqual(["rdv_consent_missing"]);
    const sameText = appointment({ reinforcedConsent: { ...rdv().appointment?.reinforcedConsent, textVersion: version } });
    expect(codes(await post(rdv({ appointment: sameText })))).toEqual(["rdv_consent_same_text"]);
    const unknown = appointment({ reinforcedConsent: { ...rdv().appointment?.reinforcedConsent, textVersion: "RDV-inconnu" } });
    expect(codes(await post(rdv({ appointment: unknown })))).toEqual(["rdv_consent_text_unknown"]);
  });
});

describe("RDV by CSV import", () => {
  it("reads the optional RDV columns (Paris times, French words) and judges each row like the API", async () => {
    const columns = [
      ...csvHeader("assurance-emprunteur"),
      "type",
      "rdv_disponibilites",
      "rdv_canal",
      "rdv_confirmation",
      "rdv_consentement",
      "rdv_consentement_version",
      "rdv_consentement_date",
    ];
    const rdvCells = {
      type: "RDV",
      rdv_disponibilites: "02/12/2026 10:00 | 03/12/2026 14:30",
      rdv_canal: "Visio",
      rdv_confirmation: "e-mail",
      rdv_consentement: "oui",
      rdv_consentement_version: rdvVersion,
      rdv_consentement_date: "01/12/2026 09:30",
    };
    const content = csvOf("assurance-emprunteur", version, [rdvCells, { ...rdvCells, rdv_disponibilites: "05/12/2026 10:00" }, {}], {
      columns,
      now,
    });
    const { id, res } = await uploadCsv(ctx, session, content, { product: "assurance-emprunteur" });
    expect(res.statusCode, res.body).toBeLessThan(300);
    await expect.poll(async () => (await importedRows(ctx, id)).length, { timeout: 20_000 }).toBe(3);
    const [ok, weekend, plain] = await importedRows(ctx, id);
    expect(ok?.reasons).toEqual([]);
    expect(ok).toMatchObject({ status: "accepted", type: "rdv" });
    const [a] = await ctx.db
      .select()
      .from(leadAppointments)
      .where(eq(leadAppointments.leadId, ok?.id as string));
    expect(a?.availabilities.map((d) => d.toISOString())).toEqual(["2026-12-02T09:00:00.000Z", "2026-12-03T13:30:00.000Z"]);
    expect(a).toMatchObject({ channel: "visio", confirmation: "email" });
    expect(weekend).toMatchObject({ status: "rejected", type: "rdv" });
    expect(weekend?.reasons.map((r) => r.code)).toEqual(["rdv_availability_outside_hours"]);
    expect(plain).toMatchObject({ status: "accepted", type: "lead" });
  });
});

describe("RDV fields, property-based", () => {
  const slot = fc.oneof(
    fc.constantFrom("2026-12-02T10:00:00+01:00", "2026-12-03T18:30:00+01:00", "2026-12-05T10:00:00+01:00", "2026-12-01T08:00:00Z"),
    fc.string({ maxLength: 30 }),
    fc.date({ min: new Date("2026-11-01"), max: new Date("2027-02-01"), noInvalidDate: true }).map((d) => d.toISOString()),
  );
  const anything = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null));
  const appointmentArb = fc.record(
    {
      availabilities: fc.oneof(fc.array(slot, { maxLength: 7 }), anything),
      channel: fc.oneof(fc.constantFrom("telephone", "visio", "VISIO", ""), anything),
      confirmation: fc.oneof(fc.constantFrom("sms", "email"), anything),
      reinforcedConsent: fc.oneof(
        fc.record(
          {
            accepted: fc.oneof(fc.boolean(), anything),
            textVersion: fc.constantFrom("x", "TEST-2"),
            collectedAt: fc.oneof(fc.constant(now.toISOString()), anything),
          },
          { requiredKeys: [] },
        ),
        anything,
      ),
    },
    { requiredKeys: [] },
  );

  it("any appointment object gets a 201 or a 422 with known RDV codes, never a 500, and an accepted one has valid slots", async () => {
    await fc.assert(
      fc.asyncProperty(appointmentArb, async (a) => {
        const res = await post(rdv({ appointment: a }));
        expect([201, 422]).toContain(res.statusCode);
        if (res.statusCode === 422) for (const c of codes(res)) expect(Object.keys(REJECTION_MESSAGES)).toContain(c);
        if (res.statusCode === 201) {
          const [row] = await ctx.db.select().from(leadAppointments).where(eq(leadAppointments.leadId, res.json().id));
          expect(row?.availabilities.length).toBeGreaterThan(0);
          for (const d of row?.availabilities ?? []) expect(d.getTime()).toBeGreaterThan(now.getTime());
        }
      }),
      { numRuns: 60 },
    );
  });

  it("every slot the picker offers is accepted", async () => {
    const { offeredSlots } = await import("../appointments/rules/slots");
    const all = offeredSlots(now, { days: 5 }).flatMap((d) => d.slots.map((s) => s.at));
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray(all, { minLength: 1, maxLength: 5 }), async (picked) => {
        const res = await post(rdv({ appointment: appointment({ availabilities: picked }) }));
        expect(res.statusCode, res.body).toBe(201);
      }),
      { numRuns: 20 },
    );
  });
});
