/**
 * Which webhook URLs a brokerage may register (decision 017). Pure, so the settings screen checks as the
 * server does. Outside development and test: https only, and never an address of the platform's own
 * network (loopback, private, link-local, CGNAT, unique-local IPv6) nor a bare host name like "localhost":
 * a webhook must not become a way to reach our internal services (SSRF). The names are resolved again at
 * sending time (deliver-webhook.ts), since a public name can point to a private address.
 */
export type WebhookUrlProblem = "invalid" | "scheme" | "credentials" | "private_address" | "too_long";

export const WEBHOOK_URL_MAX = 2000;

export const WEBHOOK_URL_MESSAGES: Record<WebhookUrlProblem, string> = {
  invalid: "L'URL du webhook n'est pas une adresse web valide",
  scheme: "L'URL du webhook doit commencer par https://",
  credentials: "L'URL du webhook ne doit pas contenir d'identifiant ni de mot de passe",
  private_address: "L'URL du webhook doit désigner un serveur public (pas une adresse locale ou privée)",
  too_long: `L'URL du webhook dépasse ${WEBHOOK_URL_MAX} caractères`,
};

export function webhookUrlProblem(raw: string, opts: { production: boolean }): WebhookUrlProblem | null {
  if (raw.length > WEBHOOK_URL_MAX) return "too_long";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "scheme";
  if (url.hostname === "") return "invalid";
  if (url.username !== "" || url.password !== "") return "credentials";
  if (!opts.production) return null;
  if (url.protocol !== "https:") return "scheme";
  const host = url.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (isPrivateAddress(host)) return "private_address";
  // A single-label name ("localhost", "db", "intranet") can only be resolved inside a network.
  if (!host.includes(".") && !host.includes(":")) return "private_address";
  if (host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) return "private_address";
  return null;
}

/** True for an IPv4/IPv6 literal that is not a public unicast address; false for names and public IPs. */
export function isPrivateAddress(host: string): boolean {
  const h = host.toLowerCase();
  const v4 = parseIpv4(h);
  if (v4) return privateV4(v4);
  if (!h.includes(":")) return false;
  // IPv4-mapped (::ffff:10.0.0.1, or its hexadecimal form ::ffff:a00:1 that the URL parser produces).
  const mapped = /^::ffff:(.+)$/.exec(h)?.[1];
  if (mapped) {
    const dotted = parseIpv4(mapped);
    if (dotted) return privateV4(dotted);
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(mapped);
    if (hex) {
      const hi = Number.parseInt(hex[1] as string, 16);
      const lo = Number.parseInt(hex[2] as string, 16);
      return privateV4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
    }
    return true;
  }
  if (h === "::" || h === "::1") return true;
  const first = Number.parseInt(h.split(":")[0] || "0", 16);
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((first & 0xff00) === 0xff00) return true; // multicast
  if (h.startsWith("64:ff9b:") || h.startsWith("2001:db8:")) return true; // NAT64, documentation
  return false;
}

function parseIpv4(h: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

function privateV4([a, b]: number[]): boolean {
  if (a === undefined || b === undefined) return true;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224
  );
}
