import type { Tx } from "../../../platform/db/client";

export interface SucceededPayment {
  id: string;
  orgId: string;
  userId: string | null;
  amountCents: number;
  purpose: string;
  reference: string;
  /** When the success was recorded (the clock of whoever processed it). */
  settledAt: Date;
}

/** Runs once per successful payment, in the transaction that marks it succeeded (all or nothing). */
export type PaymentSucceededHandler = (tx: Tx, payment: SucceededPayment) => Promise<void>;

const handlers = new Map<string, PaymentSucceededHandler>();

/**
 * What a successful card payment is for: the top-up registers "credit_top_up", the marketplace its
 * purchases. Registering a purpose again replaces its handler (several apps in one test process).
 */
export function registerPaymentPurpose(purpose: string, onSucceeded: PaymentSucceededHandler): void {
  handlers.set(purpose, onSucceeded);
}

export function paymentPurposeHandler(purpose: string): PaymentSucceededHandler {
  const handler = handlers.get(purpose);
  if (!handler) throw new Error(`Aucun traitement enregistré pour les paiements « ${purpose} »`);
  return handler;
}
