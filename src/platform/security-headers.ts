import helmet from "@fastify/helmet";
import type { Config } from "./config";
import type { App } from "./deps";

/**
 * Security headers on every answer (@fastify/helmet). The web app is built by Vite into files of its
 * own origin with no inline script or style, so the policy allows only 'self' (and data: images for
 * the favicon and Swagger UI's icons). Nothing may frame the app (clickjacking on the proof and the
 * call screens); HSTS and the upgrade of insecure requests only in production, which runs behind TLS.
 */
export async function registerSecurityHeaders(app: App, config: Config) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...SELF_ONLY, ...(config.isProduction ? { upgradeInsecureRequests: [] } : {}) },
    },
    frameguard: { action: "deny" },
    hsts: config.isProduction ? { maxAge: 365 * 24 * 3600, includeSubDomains: true } : false,
    referrerPolicy: { policy: "same-origin" },
  });
}

const SELF_ONLY = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
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
