import { z } from "zod";
import { parseTrustProxy, type TrustProxy } from "./trust-proxy";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  /** PostgreSQL as the role that owns the tables: migrations and grants only (the app itself runs as DATABASE_URL's role). */
  DATABASE_OWNER_URL: z.string().url().optional(),
  /**
   * PostgreSQL connections of one instance. Requests hold one for their transaction; with many buyers at
   * once a small pool makes them queue while the database is idle. Instances × pool must stay under the
   * server's max_connections (100 by default, a few kept for migrations and psql).
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(500).default(20),
  /**
   * Connections of one instance for the marketplace's reservations and payments, besides the pool above
   * (decision 024). Small on purpose: each purchase holds one for two short statements, and more backends
   * working at once than the database has cores cost CPU in switches and lock waits without buying more.
   */
  DATABASE_MARKET_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(4),
  DATA_DIR: z.string().default("./data"),
  SESSION_SECRET: z.string().min(32).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/./, "URL smtp://… ou smtps://… attendue")
    .optional(),
  /** Port of the local SMTP capture used without SMTP_URL; 0 picks a free one. */
  MAIL_CAPTURE_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  MAIL_FROM: z.string().default("LeadsAssurance <no-reply@leadsassurance.local>"),
  /** Where users reach the app (https://app.example.fr), for the links in e-mails and webhooks; relative links without it. */
  PUBLIC_URL: z.url().optional(),
  /**
   * Proxies allowed to tell the client's address (X-Forwarded-For): "none", or their addresses and
   * CIDR ranges. Required in production ("none" when clients reach the app directly).
   */
  TRUST_PROXY: z.string().optional(),
  /** Evidence keys, `id:secret` entries (the last one signs), or a file holding them; beside DATA_DIR in development. */
  AUDIT_KEYS: z.string().min(1).optional(),
  AUDIT_KEYS_FILE: z.string().min(1).optional(),
  /** Folder of the signed checkpoints of the audit chain (append-only files, outside the database). */
  AUDIT_CHECKPOINT_DIR: z.string().min(1).optional(),
  /** Who gets the chain's head, signed, by e-mail every morning (another copy of the anchor, out of the servers' reach). */
  AUDIT_CHECKPOINT_MAIL_TO: z.email().optional(),
  /** This instance's name in its checkpoint files' names; host name and process id by default. */
  AUDIT_INSTANCE: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/)
    .optional(),
  /**
   * Card payments: "demo" (the demonstration card, no money moves; the default outside production) or
   * "stripe" (STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and STRIPE_PUBLISHABLE_KEY). Production refuses "demo".
   */
  PAYMENT_PROVIDER: z.enum(["demo", "stripe"]).optional(),
  STRIPE_SECRET_KEY: z.string().min(1).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(1).optional(),
  /** The key Stripe.js uses in the browser to confirm the card (public by design: pk_live_… or pk_test_…). */
  STRIPE_PUBLISHABLE_KEY: z
    .string()
    .regex(/^pk_(live|test)_./, "clé publiable pk_live_… ou pk_test_… attendue")
    .optional(),
  /** Another Stripe API server (stripe-mock, the tests' stub); api.stripe.com when absent. */
  STRIPE_API_URL: z.url().optional(),
  /** The platform's identity printed on invoices as seller; demonstration values outside production. */
  SELLER_NAME: z.string().min(1).optional(),
  SELLER_ADDRESS: z.string().min(1).optional(),
  SELLER_SIREN: z
    .string()
    .regex(/^\d{9}$/, "9 chiffres attendus")
    .optional(),
  SELLER_VAT_NUMBER: z.string().min(1).optional(),
  /** Defaults to info in production, warn otherwise (a developer's console shows problems, not every request). */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
});

type Env = z.infer<typeof envSchema>;
export type Config = Omit<Env, "LOG_LEVEL" | "PAYMENT_PROVIDER"> & {
  LOG_LEVEL: NonNullable<Env["LOG_LEVEL"]>;
  PAYMENT_PROVIDER: NonNullable<Env["PAYMENT_PROVIDER"]>;
  seller: { name: string; address: string; siren: string; vatNumber: string };
  sessionSecret: string;
  isProduction: boolean;
  trustProxy: TrustProxy;
};

// Only for development and tests: production refuses to start without its own secret.
const DEV_SESSION_SECRET = "dev-only-session-secret-never-use-in-production";

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Configuration invalide :\n${lines}`);
  }
  const cfg = parsed.data;
  const isProduction = cfg.NODE_ENV === "production";
  if (isProduction && !cfg.SESSION_SECRET) {
    throw new Error("SESSION_SECRET (32 caractères au moins) est obligatoire en production.");
  }
  // Without it, mail would only be captured locally: follow-ups would look sent and never arrive.
  if (isProduction && !cfg.SMTP_URL) throw new Error("SMTP_URL est obligatoire en production (smtp://utilisateur:motdepasse@hôte:587).");
  // Behind a load balancer without it, every client would share the balancer's address (one login limit for all).
  if (isProduction && cfg.TRUST_PROXY === undefined) {
    throw new Error(
      "TRUST_PROXY est obligatoire en production : « none » si les clients joignent l'application directement, " +
        "sinon les adresses ou plages CIDR des proxys devant elle (« 10.0.0.0/8 »).",
    );
  }
  // Made beside the data folder in development; in production the key must live outside the database
  // host's reach and the checkpoints where the database cannot rewrite them: the operator says where.
  if (isProduction && !cfg.AUDIT_KEYS && !cfg.AUDIT_KEYS_FILE)
    throw new Error("AUDIT_KEYS_FILE (ou AUDIT_KEYS) est obligatoire en production : la clé qui signe le journal d'audit (voir README).");
  if (isProduction && !cfg.AUDIT_CHECKPOINT_DIR)
    throw new Error(
      "AUDIT_CHECKPOINT_DIR est obligatoire en production : le dossier des points d'ancrage du journal d'audit (voir README).",
    );
  const paymentProvider = cfg.PAYMENT_PROVIDER ?? (isProduction ? "stripe" : "demo");
  // The demonstration card would let anyone buy credits without paying.
  if (isProduction && paymentProvider === "demo")
    throw new Error("PAYMENT_PROVIDER=demo est interdit en production : la carte de démonstration ne fait payer personne.");
  if (paymentProvider === "stripe" && (!cfg.STRIPE_SECRET_KEY || !cfg.STRIPE_WEBHOOK_SECRET))
    throw new Error("STRIPE_SECRET_KEY et STRIPE_WEBHOOK_SECRET sont obligatoires avec PAYMENT_PROVIDER=stripe.");
  // Without it the browser cannot confirm a card: every PaymentIntent would stay unpaid.
  if (paymentProvider === "stripe" && !cfg.STRIPE_PUBLISHABLE_KEY)
    throw new Error("STRIPE_PUBLISHABLE_KEY (pk_live_… ou pk_test_…) est obligatoire avec PAYMENT_PROVIDER=stripe.");
  // An invoice must name the real seller: no demonstration identity in production.
  if (isProduction && (!cfg.SELLER_NAME || !cfg.SELLER_ADDRESS || !cfg.SELLER_SIREN || !cfg.SELLER_VAT_NUMBER))
    throw new Error(
      "SELLER_NAME, SELLER_ADDRESS, SELLER_SIREN et SELLER_VAT_NUMBER sont obligatoires en production (identité du vendeur sur les factures).",
    );
  return {
    ...cfg,
    PAYMENT_PROVIDER: paymentProvider,
    seller: {
      name: cfg.SELLER_NAME ?? "LeadsAssurance SAS (démonstration)",
      address: cfg.SELLER_ADDRESS ?? "10 rue de la Démonstration\n75002 Paris",
      siren: cfg.SELLER_SIREN ?? "732829320",
      vatNumber: cfg.SELLER_VAT_NUMBER ?? "FR44732829320",
    },
    LOG_LEVEL: cfg.LOG_LEVEL ?? (isProduction ? "info" : "warn"),
    isProduction,
    sessionSecret: cfg.SESSION_SECRET ?? DEV_SESSION_SECRET,
    trustProxy: parseTrustProxy(cfg.TRUST_PROXY),
  };
}
