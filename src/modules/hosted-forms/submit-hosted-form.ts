import type { Db } from "../../platform/db/client";
import type { ProductDefinition } from "../catalogue/rules";
import { type IntakeBatcher, objectItem } from "../intake";
import { checkFormToken } from "./form-token";
import { all, type FormBody, one, readProductFields } from "./rules/read-form";
import { admitFormPost } from "./throttle";

export interface HostedPost {
  product: ProductDefinition;
  code: string;
  supplierOrgId: string;
  body: FormBody;
  /** What the server itself saw: the first-hand evidence of the consent. */
  ip: string;
  userAgent: string | null;
  pageUrl: string;
}

export type HostedResult =
  | { kind: "accepted"; leadId: string }
  | { kind: "rejected"; leadId: string; reasons: { code: string; field: string; message: string }[]; rdv: boolean }
  | { kind: "retry"; why: "too_fast" | "expired" | "invalid" | "spent" }
  | { kind: "bot" }
  | { kind: "throttled" };

/**
 * A hosted form post, into the one intake pipeline (group commit) as the supplier's lead, channel "hosted_form". The
 * consent evidence is the server's own: time, IP, user-agent, page URL, and the texts the signed token
 * says the page showed; the box was served unticked. A filled honeypot is dropped without a word (a bot
 * learns nothing); a token missing, forged, too fresh, stale or already sent asks the person to send again.
 */
export async function submitHostedForm(db: Db, batcher: IntakeBatcher, secret: string, post: HostedPost, now: Date): Promise<HostedResult> {
  const bot = (one(post.body, "website") ?? "").trim() !== "";
  const token = checkFormToken(secret, one(post.body, "token") ?? "", { product: post.product.slug, code: post.code }, now);
  // Every post counts against its address, a robot's too; only a person's post with a good token spends it.
  const admitted = await admitFormPost(db, post.ip, !bot && token.ok ? token.ticket.nonce : null, now);
  if (!admitted.allowed) return { kind: "throttled" };
  if (bot) return { kind: "bot" };
  if (!token.ok) return { kind: "retry", why: token.why };
  if (!admitted.spent) return { kind: "retry", why: "spent" };
  const t = token.ticket;
  const b = post.body;
  const at = now.toISOString();
  const consented = one(b, "consent") === "oui";
  const submission = {
    product: post.product.slug,
    type: t.rdv ? "rdv" : "lead",
    contact: {
      firstName: one(b, "contact.firstName"),
      lastName: one(b, "contact.lastName"),
      phone: one(b, "contact.phone"),
      email: one(b, "contact.email"),
      postalCode: one(b, "contact.postalCode"),
      city: one(b, "contact.city"),
    },
    consent: consented
      ? {
          method: "checkbox",
          prechecked: false,
          textVersion: t.textVersion,
          collectedAt: at,
          ip: post.ip,
          userAgent: post.userAgent ?? "",
          sourceUrl: post.pageUrl,
        }
      : undefined,
    fields: readProductFields(post.product, b),
    appointment: t.rdv
      ? {
          availabilities: all(b, "appointment.availabilities"),
          channel: one(b, "appointment.channel"),
          confirmation: one(b, "appointment.confirmation"),
          reinforcedConsent:
            one(b, "rdvConsent") === "oui" ? { accepted: true, textVersion: t.rdvTextVersion ?? "", collectedAt: at } : undefined,
        }
      : undefined,
  };
  // Group-committed with the other posts and API leads of the moment (intake-batcher.ts).
  const result = await batcher.submit({ orgId: post.supplierOrgId, userId: null, apiKeyId: null }, "hosted_form", objectItem(submission));
  return result.status === "accepted"
    ? { kind: "accepted", leadId: result.id }
    : { kind: "rejected", leadId: result.id, reasons: result.reasons, rdv: t.rdv };
}
