import { describe, expect, it } from "vitest";
import { callabilityOf, callDaysLeft } from "./callability";

const at = (iso: string) => new Date(iso);

describe("the 30-day call window", () => {
  const consent = at("2026-12-01T09:30:00+01:00");
  it("counts whole days left, 0 on the last day, negative past it", () => {
    expect(callDaysLeft(consent, at("2026-12-01T11:00:00+01:00"))).toBe(29);
    expect(callDaysLeft(consent, at("2026-12-31T09:00:00+01:00"))).toBe(0);
    expect(callDaysLeft(consent, at("2026-12-31T09:31:00+01:00"))).toBe(-1);
    expect(callabilityOf(consent, "75", at("2027-01-02T12:00:00+01:00"))).toMatchObject({ expired: true, daysLeft: -3 });
    expect(callabilityOf(consent, "75", at("2026-12-31T09:29:00+01:00")).expired).toBe(false);
  });
  it("puts the deadline exactly 30 days after the consent, across the DST change", () => {
    const march = at("2027-03-10T10:00:00+01:00");
    expect(callabilityOf(march, "75", march).deadline.toISOString()).toBe("2027-04-09T09:00:00.000Z");
  });
});

describe("the legal call hours (décret 2022-1313)", () => {
  const c = (iso: string, dep = "75") => callabilityOf(at("2026-11-30T00:00:00+01:00"), dep, at(iso));
  it("are Monday to Friday 10:00–13:00 and 14:00–20:00, Paris time", () => {
    expect(c("2026-12-01T10:00:00+01:00").withinCallHours).toBe(true);
    expect(c("2026-12-01T09:59:00+01:00").withinCallHours).toBe(false);
    expect(c("2026-12-01T12:59:00+01:00").withinCallHours).toBe(true);
    expect(c("2026-12-01T13:00:00+01:00").withinCallHours).toBe(false);
    expect(c("2026-12-01T13:00:00+01:00").nextCallHoursStart?.toISOString()).toBe("2026-12-01T13:00:00.000Z");
    expect(c("2026-12-01T19:59:00+01:00").withinCallHours).toBe(true);
    expect(c("2026-12-01T20:00:00+01:00").nextCallHoursStart?.toISOString()).toBe("2026-12-02T09:00:00.000Z");
  });
  it("skip weekends and public holidays, with Alsace-Moselle's own", () => {
    expect(c("2026-12-05T11:00:00+01:00").nextCallHoursStart?.toISOString()).toBe("2026-12-07T09:00:00.000Z");
    expect(c("2026-12-25T11:00:00+01:00").withinCallHours).toBe(false);
    expect(c("2026-12-24T20:30:00+01:00").nextCallHoursStart?.toISOString()).toBe("2026-12-28T09:00:00.000Z");
    expect(c("2026-12-26T11:00:00+01:00", "67").withinCallHours).toBe(false);
    expect(c("2027-03-26T11:00:00+01:00", "57").withinCallHours).toBe(false);
    expect(c("2027-03-26T11:00:00+01:00", "75").withinCallHours).toBe(true);
  });
  it("follow Paris time through the DST change", () => {
    expect(c("2027-03-30T08:00:00Z").withinCallHours).toBe(true);
    expect(c("2027-03-30T07:59:00Z").withinCallHours).toBe(false);
  });
});
