import fastifyHelmet from "@fastify/helmet";
import helmet from "helmet";
import type { Config } from "./config";
import type { App } from "./deps";

/**
 * Security headers on every answer (@fastify/helmet). The web app is built by Vite into files of its
 * own origin with no inline script or style, so the policy allows only 'self' (and data: images for
 * the favicon and Swagger UI's icons). Nothing may frame the app (clickjacking on the proof and the
 * call screens); HSTS and the upgrade of insecure requests only in production, which runs behind TLS.
 * With the Stripe provider, Stripe.js must load from Stripe (never bundled: PCI), show the card field in
 * its frames (and 3-D Secure's on hooks.stripe.com) and call Stripe's API; the demo deployment keeps 'self'.
 */
export async function registerSecurityHeaders(app: App, config: Config) {
  const stripe = config.PAYMENT_PROVIDER === "stripe" ? STRIPE_SOURCES : { script: [], frame: [], connect: [] };
  const policy = {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...SELF_ONLY,
        connectSrc: ["'self'", ...stripe.connect],
        frameSrc: ["'self'", ...stripe.frame],
        scriptSrc: ["'self'", ...stripe.script],
        ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    hsts: config.isProduction ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
  } as const;
  // @fastify/helmet rebuilds helmet's middleware (and re-parses the CSP) on every request: 3 % of the
  // server's CPU under API intake. The app's policy is built once here and applied by this hook; the
  // plugin stays registered, not global, for the few routes that set a policy of their own (`helmet:`
  // route option, the hosted forms), which it applies itself.
  await app.register(fastifyHelmet, { global: false, ...policy });
  const applyPolicy = helmet(policy);
  app.addHook("onRequest", (req, reply, done) => {
    // The plugin's onRoute hook moved the route's own `helmet` option into its config.
    if ((req.routeOptions.config as { helmet?: object }).helmet) return done();
    applyPolicy(req.raw, reply.raw, (err) => done(err as Error | undefined));
  });
}

/** What Stripe.js needs (docs.stripe.com/security/guide#content-security-policy). */
const STRIPE_SOURCES = {
  script: ["https://js.stripe.com", "https://*.js.stripe.com"],
  frame: ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"],
  connect: ["https://api.stripe.com"],
};

const SELF_ONLY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameSrc: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", "data:"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
};

/**
 * Helmet's options for the routes of pages that other sites may frame (the hosted forms, in suppliers'
 * landing pages): the app's policy but for frame-ancestors, and no X-Frame-Options.
 */
export function frameableBy(ancestors: readonly string[]) {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: { ...SELF_ONLY, frameAncestors: ["'self'", ...ancestors] } },
    frameguard: false,
    referrerPolicy: { policy: "same-origin" },
  } as const;
}
