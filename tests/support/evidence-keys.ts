// Every test process signs its journal with this key, as `start` does with the configured one.
import { installEvidenceKeys, parseEvidenceKeys } from "../../src/modules/audit/evidence-keys";

export const TEST_EVIDENCE_KEYS = `test-1:${Buffer.alloc(32, 7).toString("base64url")}`;

installEvidenceKeys(parseEvidenceKeys(TEST_EVIDENCE_KEYS, "clé de test"));

/**
 * Everything production refuses to start without, for tests of production behaviour: the checkpoint
 * folder is named but nothing is written there unless the test starts the whole server.
 */
export const PRODUCTION_ENV = {
  NODE_ENV: "production",
  SESSION_SECRET: "s".repeat(40),
  SMTP_URL: "smtp://127.0.0.1:2525",
  TRUST_PROXY: "none",
  AUDIT_KEYS: TEST_EVIDENCE_KEYS,
  AUDIT_CHECKPOINT_DIR: "/nonexistent/la-test-checkpoints",
  // Card payments and the seller printed on invoices (src/modules/billing).
  PAYMENT_PROVIDER: "stripe",
  STRIPE_SECRET_KEY: "sk_test_production_tests",
  STRIPE_WEBHOOK_SECRET: "whsec_production_tests",
  STRIPE_PUBLISHABLE_KEY: "pk_test_production_tests",
  SELLER_NAME: "LeadsAssurance SAS",
  SELLER_ADDRESS: "10 rue de la Paix ; 75002 Paris",
  SELLER_SIREN: "732829320",
  SELLER_VAT_NUMBER: "FR44732829320",
} as const;
