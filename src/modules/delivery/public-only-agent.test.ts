import type { LookupAddress, lookup } from "node:dns";
import { describe, expect, it } from "vitest";
import { PRIVATE_ADDRESS_REFUSED, publicOnlyLookup } from "./public-only-agent";

/** A resolver that answers the given addresses, as a DNS server under someone else's control would. */
const answering = (...addresses: string[]) =>
  ((_host: string, _options: unknown, callback: (e: Error | null, a: LookupAddress[]) => void) =>
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 })),
    )) as unknown as typeof lookup;

const resolve = (resolver: typeof lookup, all: boolean) =>
  new Promise<{ error: (Error & { code?: string }) | null; address: unknown; family?: number }>((done) =>
    publicOnlyLookup(resolver)("hooks.example.fr", { all }, (error, address, family) => done({ error, address, family })),
  );

describe("webhook connections in production", () => {
  it("connect to a name that resolves to public addresses only", async () => {
    expect(await resolve(answering("93.184.216.34"), false)).toMatchObject({ error: null, address: "93.184.216.34", family: 4 });
    expect((await resolve(answering("93.184.216.34", "2606:2800:220:1::1"), true)).address).toHaveLength(2);
  });

  it.each([["127.0.0.1"], ["10.1.2.3"], ["169.254.169.254"], ["::1"], ["fd00::1"], ["::ffff:192.168.1.1"]])(
    "refuse a name that resolves to %s, even beside a public address",
    async (inside) => {
      const { error } = await resolve(answering("93.184.216.34", inside), false);
      expect(error?.code).toBe(PRIVATE_ADDRESS_REFUSED);
    },
  );
});
