import { describe, expect, it } from "vitest";
import { parisToday } from "../catalogue/rules/dates";
import { checkClientFields } from "./check-client";

describe("a birth date in the future", () => {
  // 00:30 on 1 March in Paris is still 28 February in UTC: a child born that day is not "in the future".
  const parisJustAfterMidnight = new Date("2027-02-28T23:30:00Z");

  it("is read against the Paris day of the request", () => {
    const today = parisToday(parisJustAfterMidnight);
    expect(today).toBe("2027-03-01");
    expect(checkClientFields({ birthDate: "2027-03-01" }, { today }).issues).toEqual([]);
    expect(checkClientFields({ birthDate: "2027-03-02" }, { today }).issues).toEqual([
      { field: "birthDate", message: "La date de naissance ne peut pas être dans le futur" },
    ]);
  });
});
