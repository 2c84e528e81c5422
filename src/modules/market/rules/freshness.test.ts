import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isBusinessDay } from "./business-days";
import { businessHoursBetween, freshnessDeadlines, freshnessTierAt, instantAfterBusinessHours, receptionWindows } from "./freshness";

/** An instant given as Paris wall-clock time with its offset spelled out, so each case reads as a calendar. */
const at = (iso: string) => new Date(iso);

describe("business days", () => {
  it.each([
    ["2026-05-01", "FR", false, "1er mai"],
    ["2026-05-08", "FR", false, "8 mai"],
    ["2026-05-14", "FR", false, "Ascension"],
    ["2026-05-25", "FR", false, "lundi de Pentecôte"],
    ["2026-07-14", "FR", false, "14 juillet"],
    ["2025-08-15", "FR", false, "15 août"],
    ["2026-12-25", "FR", false, "Noël"],
    ["2026-04-03", "FR", true, "Vendredi saint, travaillé hors Alsace-Moselle"],
    ["2026-04-03", "57", false, "Vendredi saint en Moselle"],
    ["2025-12-26", "FR", true, "26 décembre, travaillé hors Alsace-Moselle"],
    ["2025-12-26", "67", false, "26 décembre dans le Bas-Rhin"],
    ["2026-05-24", "FR", false, "dimanche de Pentecôte (un dimanche, pas une fête chômée)"],
    ["2026-06-01", "FR", true, "lundi ordinaire (fête des mères la veille: une simple observance)"],
    ["2026-11-28", "FR", false, "samedi"],
  ] as const)("%s in %s: worked = %s (%s)", (day, region, worked, _why) => {
    expect(isBusinessDay(day, region)).toBe(worked);
  });
});

describe("freshness in business hours", () => {
  it("skips 1 May (a Friday in 2026) and the weekend after it", () => {
    const received = at("2026-04-30T10:00:00+02:00");
    const d = freshnessDeadlines(received, "75");
    expect(d.tier24Until.toISOString()).toBe(at("2026-05-04T10:00:00+02:00").toISOString());
    expect(d.tier48Until.toISOString()).toBe(at("2026-05-05T10:00:00+02:00").toISOString());
    expect(d.expiresAt.toISOString()).toBe(at("2026-05-06T10:00:00+02:00").toISOString());
  });

  it("skips 8 May (a Friday in 2026)", () => {
    expect(instantAfterBusinessHours(at("2026-05-07T12:00:00+02:00"), 24, "13")).toEqual(at("2026-05-11T12:00:00+02:00"));
  });

  it("skips Ascension Thursday", () => {
    expect(instantAfterBusinessHours(at("2026-05-13T12:00:00+02:00"), 24, "69")).toEqual(at("2026-05-15T12:00:00+02:00"));
  });

  it("skips Whit Monday after a weekend", () => {
    expect(instantAfterBusinessHours(at("2026-05-22T18:00:00+02:00"), 24, "33")).toEqual(at("2026-05-26T18:00:00+02:00"));
  });

  it("skips 14 July", () => {
    expect(instantAfterBusinessHours(at("2026-07-13T12:00:00+02:00"), 24, "75")).toEqual(at("2026-07-15T12:00:00+02:00"));
  });

  it("skips 15 August (a Friday in 2025)", () => {
    expect(instantAfterBusinessHours(at("2025-08-14T20:00:00+02:00"), 24, "75")).toEqual(at("2025-08-18T20:00:00+02:00"));
  });

  it("skips Christmas everywhere, and 26 December only in Alsace-Moselle", () => {
    const received = at("2025-12-24T12:00:00+01:00");
    expect(instantAfterBusinessHours(received, 24, "75")).toEqual(at("2025-12-26T12:00:00+01:00"));
    expect(instantAfterBusinessHours(received, 24, "67")).toEqual(at("2025-12-29T12:00:00+01:00"));
  });

  it("skips Good Friday in Moselle only (Easter Monday everywhere)", () => {
    const received = at("2026-04-02T12:00:00+02:00");
    expect(instantAfterBusinessHours(received, 24, "75")).toEqual(at("2026-04-03T12:00:00+02:00"));
    expect(instantAfterBusinessHours(received, 24, "57")).toEqual(at("2026-04-07T12:00:00+02:00"));
  });

  it("counts real hours across the spring clock change (the weekend of 29 March 2026)", () => {
    const received = at("2026-03-27T12:00:00+01:00");
    const d = instantAfterBusinessHours(received, 24, "75");
    expect(d).toEqual(at("2026-03-30T12:00:00+02:00"));
    expect(businessHoursBetween(received, d, "75")).toBe(24);
  });

  it("counts real hours across the autumn clock change (the weekend of 25 October 2026)", () => {
    const received = at("2026-10-23T12:00:00+02:00");
    const d = instantAfterBusinessHours(received, 24, "75");
    expect(d).toEqual(at("2026-10-26T12:00:00+01:00"));
    expect(businessHoursBetween(received, d, "75")).toBe(24);
  });

  it("does not age over a weekend: Friday 18:00 is 6 h old on Monday at midnight", () => {
    const received = at("2026-11-27T18:00:00+01:00");
    expect(businessHoursBetween(received, at("2026-11-28T12:00:00+01:00"), "75")).toBe(6);
    expect(businessHoursBetween(received, at("2026-11-30T00:00:00+01:00"), "75")).toBe(6);
    expect(businessHoursBetween(received, at("2026-11-30T09:30:00+01:00"), "75")).toBe(15.5);
  });

  it("a lead received on a Saturday starts ageing on Monday at midnight", () => {
    const received = at("2026-11-28T10:00:00+01:00");
    expect(instantAfterBusinessHours(received, 24, "75")).toEqual(at("2026-12-01T00:00:00+01:00"));
  });

  it("moves through the tiers and expires past 72 business hours", () => {
    const d = freshnessDeadlines(at("2026-11-30T09:00:00+01:00"), "75");
    expect(freshnessTierAt(d, at("2026-11-30T09:00:00+01:00"))).toBe("24h");
    expect(freshnessTierAt(d, at("2026-12-01T08:59:59+01:00"))).toBe("24h");
    expect(freshnessTierAt(d, at("2026-12-01T09:00:00+01:00"))).toBe("48h");
    expect(freshnessTierAt(d, at("2026-12-02T09:00:00+01:00"))).toBe("72h");
    expect(freshnessTierAt(d, at("2026-12-03T09:00:00+01:00"))).toBe("expired");
  });

  it("property: the deadline for h hours is exactly h business hours later, and ageing never goes backwards", () => {
    const departements = fc.constantFrom("75", "57", "67", "68", "13", null);
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2024-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 72 * 60 }),
        fc.integer({ min: 0, max: 10 * 24 * 60 }),
        departements,
        (from, minutes, laterMinutes, dep) => {
          const due = instantAfterBusinessHours(from, minutes / 60, dep);
          expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime());
          expect(businessHoursBetween(from, due, dep)).toBeCloseTo(minutes / 60, 6);
          const later = new Date(due.getTime() + laterMinutes * 60_000);
          expect(businessHoursBetween(from, later, dep)).toBeGreaterThanOrEqual(minutes / 60 - 1e-9);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("reception windows (the listing's index ranges)", () => {
  const receptions = fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2031-12-31T00:00:00Z"), noInvalidDate: true });
  const departements = fc.constantFrom(null, "75", "13", "57", "67", "68", "971");

  /** A lead received at `receivedAt` in `departement` and still in stock at `now` lies in its tier's window. */
  function expectInItsWindow(receivedAt: Date, departement: string | null, now: Date) {
    const tier = freshnessTierAt(freshnessDeadlines(receivedAt, departement), now);
    if (tier === "expired") return;
    const w = receptionWindows(now)[tier];
    expect(receivedAt.getTime()).toBeGreaterThan(w.after.getTime());
    expect(receivedAt.getTime()).toBeLessThanOrEqual(w.upTo.getTime());
  }

  it("hold every lead still in stock, in its own tier, whatever its region (holiday weekends and DST included)", () => {
    fc.assert(
      fc.property(receptions, fc.integer({ min: 0, max: 14 * 24 * 60 }), departements, (receivedAt, minutesLater, departement) =>
        expectInItsWindow(receivedAt, departement, new Date(receivedAt.getTime() + minutesLater * 60_000)),
      ),
      { numRuns: 3000 },
    );
  });

  it("hold a lead at the very instants it changes tier (the millisecond before and the one it changes)", () => {
    const edges = fc.constantFrom("tier24Until", "tier48Until", "expiresAt") as fc.Arbitrary<keyof ReturnType<typeof freshnessDeadlines>>;
    fc.assert(
      fc.property(receptions, departements, edges, fc.constantFrom(-1, 0), (receivedAt, departement, edge, offset) =>
        expectInItsWindow(receivedAt, departement, new Date(freshnessDeadlines(receivedAt, departement)[edge].getTime() + offset)),
      ),
      { numRuns: 3000 },
    );
  });

  it("are tight: on a Monday evening the 48h tier starts the Friday before, not 24 hours ago", () => {
    const w = receptionWindows(at("2026-11-30T19:00:00+01:00"));
    // 24 business hours before Monday 19:00 is Friday 19:00; a minute of margin either side.
    expect(w["48h"].upTo).toEqual(at("2026-11-27T19:01:00+01:00"));
    expect(w["24h"].after).toEqual(at("2026-11-27T18:59:00+01:00"));
  });
});
