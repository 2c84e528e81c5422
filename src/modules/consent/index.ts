// What other modules may use of consent; nothing else of this folder is imported from outside it.
export { listConsentTexts, publishConsentText } from "./publish-consent-text";
export { consentRoutes } from "./routes";
export { bodySha256, consentTextDigest } from "./text-digest";
