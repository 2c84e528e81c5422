import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parisLocalToUtcIso, parisWallClock, parseHumanDateTime } from "./dates";

/** What the time zone database says, read another way: Swedish dates are written "2026-12-03 10:00:00". */
function reference(instant: Date) {
  const text = instant.toLocaleString("sv-SE", { timeZone: "Europe/Paris", hourCycle: "h23" });
  const [year, month, day, hour, minute, second] = (text.match(/\d+/g) ?? []).map(Number);
  return { year, month, day, hour, minute, second };
}

describe("parisWallClock", () => {
  it("reads every instant as the time zone database does, DST changes included", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        expect(parisWallClock(new Date(ms))).toEqual(reference(new Date(ms)));
      }),
      { numRuns: 2_000 },
    );
  });

  it("changes hour at the DST changes, to the second", () => {
    // Spring 2027: 01:59:59 is followed by 03:00:00 in Paris (01:00 UTC). Autumn 2026: 02:59:59 summer time, then 02:00:00.
    const at = (iso: string) => parisWallClock(new Date(iso));
    expect(at("2027-03-28T00:59:59.999Z")).toMatchObject({ day: 28, hour: 1, minute: 59, second: 59 });
    expect(at("2027-03-28T01:00:00.000Z")).toMatchObject({ day: 28, hour: 3, minute: 0, second: 0 });
    expect(at("2026-10-25T00:59:59.000Z")).toMatchObject({ day: 25, hour: 2, minute: 59, second: 59 });
    expect(at("2026-10-25T01:00:00.000Z")).toMatchObject({ day: 25, hour: 2, minute: 0, second: 0 });
    expect(at("2026-12-31T23:30:00.000Z")).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 30, second: 0 });
  });

  it("keeps Paris Mean Time before 1912 (9 min 21 s ahead of UTC)", () => {
    expect(parisWallClock(new Date("1900-06-01T12:00:00Z"))).toMatchObject({ hour: 12, minute: 9, second: 21 });
  });
});

describe("Paris wall-clock times read as instants", () => {
  it("gives back the instant of a wall-clock time since 1912 (one of the two, the hour the clocks go back)", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1912, 0, 1), max: Date.UTC(2100, 0, 1) }), (s) => {
        const instant = new Date(Math.floor(s / 1000) * 1000);
        const back = new Date(parisLocalToUtcIso(parisWallClock(instant)) as string);
        expect(parisWallClock(back)).toEqual(parisWallClock(instant));
        // An autumn wall-clock time happens twice: either reading is right, an hour apart.
        expect([0, 3_600_000]).toContain(Math.abs(back.getTime() - instant.getTime()));
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads suppliers' dates in Paris time on both sides of a DST change", () => {
    expect(parseHumanDateTime("28/03/2027 01:30")).toBe("2027-03-28T00:30:00.000Z");
    expect(parseHumanDateTime("28/03/2027 03:30")).toBe("2027-03-28T01:30:00.000Z");
    expect(parseHumanDateTime("03/12/2026 10:00")).toBe("2026-12-03T09:00:00.000Z");
    expect(parseHumanDateTime("2026-07-14T08:00")).toBe("2026-07-14T06:00:00.000Z");
  });
});
