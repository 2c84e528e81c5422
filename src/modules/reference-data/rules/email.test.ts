import { describe, expect, it } from "vitest";
import { isValidEmail, normalizeEmail } from "./email";

describe("email", () => {
  it.each(["jean.dupont@example.fr", "j.dupont+leads@mail.example.com", "o'neil@example.co.uk", "  Jean.Dupont@Example.FR  "])(
    "accepts %s",
    (email) => expect(isValidEmail(email)).toBe(true),
  );

  it.each([
    "",
    "jean",
    "jean@",
    "@example.fr",
    "jean@example",
    "jean dupont@example.fr",
    "jean..dupont@example.fr",
    "jean@exa_mple.fr",
    "jean@example.f",
  ])("rejects %s", (email) => expect(isValidEmail(email)).toBe(false));

  it("rejects addresses beyond RFC 5321 lengths", () => {
    expect(isValidEmail(`${"a".repeat(65)}@example.fr`)).toBe(false);
    expect(isValidEmail(`a@${"b".repeat(250)}.fr`)).toBe(false);
  });

  it("normalizes by trimming and lower-casing", () => {
    expect(normalizeEmail("  Jean.Dupont@Example.FR ")).toBe("jean.dupont@example.fr");
  });
});
