import { productBySlug } from "../../modules/catalogue/rules";

/** French names of the paths the server puts in rejection reasons ("contact.phone", "fields.apport"…). */
export const CONTACT_LABELS: Record<string, string> = {
  firstName: "Prénom",
  lastName: "Nom",
  phone: "Téléphone",
  email: "E-mail",
  postalCode: "Code postal",
  city: "Ville",
};

export const CONSENT_LABELS: Record<string, string> = {
  method: "Méthode de recueil",
  prechecked: "Case pré-cochée",
  textVersion: "Version du texte",
  collectedAt: "Date et heure de recueil",
  ip: "Adresse IP",
  userAgent: "User-agent",
  sourceUrl: "URL source",
  callCenter: "Centre d'appels",
  agent: "Téléconseiller",
  recordingRef: "Référence d'enregistrement",
};

export function fieldPathLabel(path: string, productSlug?: string): string {
  const [root, key] = path.split(".", 2);
  if (root === "contact") return key ? (CONTACT_LABELS[key] ?? key) : "Contact";
  if (root === "consent") return key ? `Consentement — ${CONSENT_LABELS[key] ?? key}` : "Consentement";
  if (root === "fields" && key) {
    const field = productSlug ? productBySlug(productSlug)?.fields.find((f) => f.key === key) : undefined;
    return field?.label ?? key;
  }
  if (root === "product") return "Produit";
  return path;
}
