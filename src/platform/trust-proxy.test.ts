import { describe, expect, it } from "vitest";
import { PRODUCTION_ENV } from "../../tests/support/evidence-keys";
import { loadConfig } from "./config";
import { parseTrustProxy } from "./trust-proxy";

describe("TRUST_PROXY", () => {
  it("takes none, or proxy addresses and CIDR ranges", () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy(" none ")).toBe(false);
    expect(parseTrustProxy("10.0.0.0/8, 192.168.1.10,loopback")).toEqual(["10.0.0.0/8", "192.168.1.10", "loopback"]);
    expect(parseTrustProxy("2001:db8::/32")).toEqual(["2001:db8::/32"]);
  });

  it("refuses to trust every peer, a hop count, or what is not an address", () => {
    for (const bad of ["true", "*", "all", "1", "2"]) expect(() => parseTrustProxy(bad), bad).toThrow(/adresse IP/);
    expect(() => parseTrustProxy("10.0.0.0/33")).toThrow(/10.0.0.0\/33/);
    expect(() => parseTrustProxy("proxy.internal")).toThrow(/proxy.internal/);
  });

  it("must be set in production, even to none", () => {
    const { TRUST_PROXY: _, ...prod } = PRODUCTION_ENV;
    expect(() => loadConfig(prod)).toThrow(/TRUST_PROXY est obligatoire/);
    expect(loadConfig({ ...prod, TRUST_PROXY: "none" }).trustProxy).toBe(false);
    expect(loadConfig({ ...prod, TRUST_PROXY: "10.1.0.0/16" }).trustProxy).toEqual(["10.1.0.0/16"]);
  });
});
