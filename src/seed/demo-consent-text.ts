import { PARTNER_CATEGORY_KEYS } from "../modules/brokers/rules/partner-categories";

export const DEMO_CONSENT_TEXT = {
  version: "LA-2026-08-v1",
  title: "Consentement au démarchage téléphonique — assurance et crédit",
  body: [
    "J'accepte d'être contacté(e) par téléphone, par e-mail ou par SMS au sujet de ma demande par LeadsAssurance",
    "et par les courtiers en assurance et en crédit partenaires de LeadsAssurance (liste consultable sur",
    "https://leadsassurance.com/partenaires), immatriculés à l'ORIAS, dont l'identité et le numéro ORIAS me seront",
    "communiqués avant tout appel. Ce consentement est libre, spécifique et révocable à tout moment",
    "(lien de désinscription dans chaque message ou sur simple demande). Mes données sont conservées 3 ans",
    "à compter de leur collecte ou du dernier contact.",
  ].join(" "),
  partners: ["Courtiers en assurance partenaires (ORIAS)", "Courtiers en opérations de banque et services de paiement (IOBSP)"],
  // Every category (brokers/rules/partner-categories.ts): the demo leads can be sold to the demo brokerage.
  partnerCategories: [...PARTNER_CATEGORY_KEYS],
  publishedAt: new Date("2026-08-01T00:00:00Z"),
};

/**
 * The reinforced consent of qualified appointments (RDV): transmission to one broker and the appointment
 * itself. Published like any text; its version starts "RDV-", which is how the hosted forms tell it (decision 016).
 */
export const DEMO_RDV_CONSENT_TEXT = {
  version: "RDV-2026-08-v1",
  title: "Consentement renforcé — transmission à un courtier et rendez-vous",
  body: [
    "J'accepte que LeadsAssurance transmette mes coordonnées et ma demande à un courtier partenaire immatriculé à l'ORIAS,",
    "dont l'identité me sera communiquée dans la confirmation, afin qu'il me rappelle ou me reçoive en visio sur l'un des",
    "créneaux que j'ai choisis. Je recevrai la confirmation du rendez-vous par e-mail ou par SMS, avec un lien pour",
    "l'annuler et retirer ce consentement à tout moment.",
  ].join(" "),
  partners: DEMO_CONSENT_TEXT.partners,
  partnerCategories: DEMO_CONSENT_TEXT.partnerCategories,
  publishedAt: DEMO_CONSENT_TEXT.publishedAt,
};
