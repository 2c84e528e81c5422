import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../lib/canonical-json";
import { consentFingerprint, fingerprintJson } from "./fingerprint";

const who = {
  leadId: "0190f5c2-7a1b-7c3d-9e4f-5a6b7c8d9e0f",
  product: "mutuelle-sante",
  firstName: "Hélène",
  lastName: "Le Gall",
  phone: "+33612345678",
  email: "helene@example.fr",
  postalCode: "29200",
  city: "Brest",
};
const evidence = {
  method: "checkbox",
  prechecked: false,
  textVersion: "2026-09-v2",
  textSha256: "a".repeat(64),
  collectedAt: new Date("2026-11-20T09:15:00.000Z"),
  ip: "81.250.10.20",
  userAgent: 'Mozilla/5.0 "quoted" \\ agent',
  sourceUrl: "https://www.exemple.fr/devis?x=1&y=é",
  callCenter: null,
  agent: null,
  recordingRef: null,
};

describe("consent fingerprint", () => {
  it("hashes the canonical JSON of the record, so fingerprints stored before stay verifiable", () => {
    const record = { ...who, ...evidence, collectedAt: evidence.collectedAt.toISOString() };
    expect(fingerprintJson(who, evidence)).toBe(canonicalJson(record));
    expect(consentFingerprint(who, evidence)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores other properties of the caller's objects and changes with any covered field", () => {
    const base = consentFingerprint(who, evidence);
    expect(consentFingerprint({ ...who, extra: "x" } as typeof who, evidence)).toBe(base);
    expect(consentFingerprint({ ...who, phone: "+33612345679" }, evidence)).not.toBe(base);
    expect(consentFingerprint(who, { ...evidence, ip: "81.250.10.21" })).not.toBe(base);
  });
});
