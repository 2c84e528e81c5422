import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isPrivateAddress, webhookUrlProblem } from "./webhook-url";

const prod = { production: true };
const dev = { production: false };

describe("webhook URL rules", () => {
  it("accepts a public https URL in production, and local http in development and test", () => {
    expect(webhookUrlProblem("https://crm.cabinet-dupont.fr/hooks/leads?k=1", prod)).toBeNull();
    expect(webhookUrlProblem("http://127.0.0.1:4000/hook", dev)).toBeNull();
    expect(webhookUrlProblem("http://localhost/hook", dev)).toBeNull();
  });

  it("refuses in production: http, local and private addresses, single-label names, credentials", () => {
    expect(webhookUrlProblem("http://crm.cabinet-dupont.fr/hook", prod)).toBe("scheme");
    for (const host of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.10",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "[::1]",
      "[fd00::1]",
      "[fe80::1]",
      "[::ffff:10.0.0.1]",
      "localhost",
      "db",
      "x.localhost",
      "printer.local",
    ])
      expect(webhookUrlProblem(`https://${host}/hook`, prod), host).toBe("private_address");
    expect(webhookUrlProblem("https://user:pw@crm.example.fr/", prod)).toBe("credentials");
    expect(webhookUrlProblem("ftp://crm.example.fr/", dev)).toBe("scheme");
    expect(webhookUrlProblem("javascript:alert(1)", dev)).toBe("scheme");
    expect(webhookUrlProblem("pas une url", dev)).toBe("invalid");
  });

  it("knows public addresses from private ones", () => {
    expect(isPrivateAddress("8.8.8.8")).toBe(false);
    expect(isPrivateAddress("2a00:1450:4007::200e")).toBe(false);
    expect(isPrivateAddress("172.32.0.1")).toBe(false);
    expect(isPrivateAddress("::ffff:7f00:1")).toBe(true);
  });

  it("in production, never lets through a non-https URL nor any private IPv4 literal (property)", () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const privateV4 = fc.oneof(
      fc.tuple(fc.constant(10), octet, octet, octet),
      fc.tuple(fc.constant(127), octet, octet, octet),
      fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), octet, octet),
      fc.tuple(fc.constant(192), fc.constant(168), octet, octet),
      fc.tuple(fc.constant(169), fc.constant(254), octet, octet),
    );
    fc.assert(
      fc.property(privateV4, fc.webPath(), (parts, path) => {
        expect(webhookUrlProblem(`https://${parts.join(".")}${path}`, prod)).not.toBeNull();
      }),
    );
    fc.assert(
      fc.property(fc.webUrl(), (url) => {
        const problem = webhookUrlProblem(url, prod);
        if (problem === null) expect(url.startsWith("https://")).toBe(true);
      }),
    );
  });
});
