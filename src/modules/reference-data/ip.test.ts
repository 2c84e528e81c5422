import { describe, expect, it } from "vitest";
import { ipVersion, isPublicIp } from "./ip";

describe("isPublicIp", () => {
  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "90.84.12.5",
    "172.32.0.1",
    "100.128.0.1",
    "2a01:cb00:1234::1",
    "2001:4860:4860::8888",
    "::ffff:8.8.8.8",
    "::ffff:808:808",
  ])("accepts public %s", (ip) => expect(isPublicIp(ip)).toBe(true));

  it.each([
    ["10.0.0.1", "private 10/8"],
    ["10.255.255.255", "private 10/8"],
    ["172.16.0.1", "private 172.16/12"],
    ["172.31.255.254", "private 172.16/12"],
    ["192.168.1.10", "private 192.168/16"],
    ["127.0.0.1", "loopback"],
    ["169.254.10.1", "link-local"],
    ["100.64.0.1", "CGNAT"],
    ["100.127.255.254", "CGNAT"],
    ["224.0.0.251", "multicast"],
    ["239.255.255.250", "multicast"],
    ["192.0.2.1", "TEST-NET-1"],
    ["198.51.100.7", "TEST-NET-2"],
    ["203.0.113.9", "TEST-NET-3"],
    ["198.18.0.1", "benchmarking"],
    ["198.19.255.1", "benchmarking"],
    ["0.0.0.0", "this network"],
    ["0.1.2.3", "this network"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "broadcast"],
    ["192.0.0.8", "IETF protocol assignments"],
    ["::1", "IPv6 loopback"],
    ["::", "IPv6 unspecified"],
    ["fc00::1", "unique local"],
    ["fd12:3456:789a::1", "unique local"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local with zone"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["2001:2::1", "benchmarking"],
    ["3fff::1", "documentation (RFC 9637)"],
    ["64:ff9b::808:808", "NAT64 synthesized"],
    ["::ffff:10.0.0.1", "IPv4-mapped private"],
    ["::ffff:192.168.1.1", "IPv4-mapped private"],
    ["::ffff:127.0.0.1", "IPv4-mapped loopback"],
    ["::ffff:a00:1", "IPv4-mapped private, hex form"],
    ["0:0:0:0:0:ffff:6440:1", "IPv4-mapped CGNAT, hex form"],
  ])("rejects %s (%s)", (ip) => expect(isPublicIp(ip)).toBe(false));

  it.each(["", "abc", "256.1.1.1", "1.2.3", "010.0.0.1", " 8.8.8.8", "8.8.8.8:80", "[2001:4860::1]", "2001:::1"])(
    "rejects invalid syntax %j",
    (ip) => expect(isPublicIp(ip)).toBe(false),
  );
});

describe("ipVersion", () => {
  it("tells IPv4 from IPv6", () => {
    expect(ipVersion("8.8.8.8")).toBe(4);
    expect(ipVersion("2001:4860:4860::8888")).toBe(6);
    expect(ipVersion("::ffff:8.8.8.8")).toBe(6);
    expect(ipVersion("not an ip")).toBeNull();
  });
});
