import { isIP } from "node:net";

/**
 * Which peers may say who the client is (X-Forwarded-For): none, or the listed proxy addresses and
 * ranges. Trusting every peer would let any client pick its IP — the one the login limits and the
 * audit journal record — so "all" is not an option. Nor is a hop count: it cannot tell a proxy from
 * a client that forged the header, and Fastify 5.12 ignores X-Forwarded-For with one (fails closed).
 */
export type TrustProxy = false | string[];

// Names Fastify (proxy-addr) understands for the usual private ranges.
const RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split("/");
  const family = isIP(address ?? "");
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d+$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY: "none", or the proxies' addresses and CIDR ranges ("10.0.0.0/8, 192.168.1.10", "loopback"). */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = (raw ?? "").trim();
  if (value === "" || value.toLowerCase() === "none") return false;
  if (["true", "all", "*"].includes(value.toLowerCase()) || /^\d+$/.test(value)) {
    throw new Error(
      "TRUST_PROXY : indiquez les adresses ou plages CIDR de vos proxys (« 10.0.0.0/8 »), ou « none ». Faire confiance " +
        "à tous les intermédiaires, ou à un nombre de sauts, laisserait un client choisir son adresse IP.",
    );
  }
  const entries = value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  const invalid = entries.filter((e) => !isAddressOrRange(e));
  if (invalid.length > 0) throw new Error(`TRUST_PROXY : adresse ou plage CIDR invalide : ${invalid.join(", ")}`);
  return entries;
}
