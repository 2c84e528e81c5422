import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent } from "undici";
import { isPrivateAddress } from "./rules/webhook-url";

export const PRIVATE_ADDRESS_REFUSED = "EPRIVATEADDRESS";

/**
 * A name lookup that refuses names resolving to one of our own networks, at the moment of connecting.
 * Checking the name before the request and letting the HTTP client resolve it again would let a DNS server
 * answer a public address to the check and a private one to the connection (DNS rebinding, decision 017).
 */
export function publicOnlyLookup(resolve: typeof dnsLookup = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, found) => {
      const addresses = (found ?? []) as LookupAddress[];
      if (error) return callback(error, "", 0);
      if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address)))
        return callback(Object.assign(new Error(`${hostname} : adresse privée refusée`), { code: PRIVATE_ADDRESS_REFUSED }), "", 0);
      const [first] = addresses as [LookupAddress];
      if (options.all) callback(null, addresses);
      else callback(null, first.address, first.family);
    });
  };
}

/** The production agent for webhooks: every connection goes through publicOnlyLookup. */
export const publicOnlyAgent = () => new Agent({ connect: { lookup: publicOnlyLookup() } });
