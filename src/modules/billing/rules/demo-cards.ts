/**
 * The demonstration card provider's cards, as Stripe's test cards behave: one always accepted, one
 * always declined. Any other number is refused as unknown (no real card is ever handled here).
 */
export const DEMO_CARD_ACCEPTED = "4242424242424242";
export const DEMO_CARD_DECLINED = "4000000000000002";

export const normaliseCardNumber = (input: string) => input.replace(/[\s-]/g, "");

export type DemoCardOutcome = "accepted" | "declined" | "unknown";

export function demoCardOutcome(input: string): DemoCardOutcome {
  const n = normaliseCardNumber(input);
  if (n === DEMO_CARD_ACCEPTED) return "accepted";
  if (n === DEMO_CARD_DECLINED) return "declined";
  return "unknown";
}
