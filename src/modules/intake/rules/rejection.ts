import { readableText } from "../../../lib/json-text";

/**
 * Why a lead is rejected: stable codes (for integrators) with the French message shown to suppliers.
 * The list is published in the API docs, so adding a code is an API change: keep codes stable.
 */
export const REJECTION_MESSAGES = {
  // contact
  contact_missing: "Information de contact manquante",
  phone_invalid: "Numéro de téléphone invalide (France métropolitaine ou outre-mer attendu)",
  email_invalid: "Adresse e-mail invalide",
  postal_code_invalid: "Code postal invalide : 5 chiffres attendus",
  postal_code_unknown: "Code postal inconnu",
  city_postal_code_mismatch: "La ville ne correspond pas au code postal",
  // consent
  consent_missing: "Consentement absent",
  consent_prechecked: "Case de consentement pré-cochée : consentement non valable",
  consent_text_unknown: "Version du texte de consentement inconnue ou non publiée",
  consent_in_future: "Date de recueil du consentement dans le futur",
  consent_before_text: "Consentement recueilli avant la publication de la version du texte",
  consent_ip_missing: "Adresse IP publique manquante",
  consent_ip_not_public: "Adresse IP privée ou réservée : une IP publique est exigée",
  consent_user_agent_missing: "User-agent manquant",
  consent_source_url_missing: "URL source manquante ou invalide",
  consent_call_center_missing: "Consentement oral : centre d'appels manquant",
  consent_agent_missing: "Consentement oral : téléconseiller manquant",
  consent_recording_missing: "Consentement oral : référence d'enregistrement manquante",
  // the lead as a whole
  lead_not_object: "Le lead n'est pas un objet JSON",
  nesting_too_deep: "Structure JSON trop imbriquée",
  // product
  product_unknown: "Produit inconnu",
  field_missing: "Champ obligatoire manquant",
  field_invalid: "Valeur invalide pour ce champ",
  field_out_of_bounds: "Valeur hors des bornes autorisées",
  field_invalid_option: "Valeur hors des options autorisées",
  // qualified appointments (RDV)
  rdv_not_available: "Ce produit n'est pas proposé en RDV qualifié (voir le catalogue)",
  rdv_availabilities_missing: "Disponibilités du prospect manquantes : 1 à 5 créneaux attendus",
  rdv_too_many_availabilities: "Disponibilités du prospect : 5 créneaux au plus",
  rdv_availability_invalid: "Créneau de disponibilité illisible : date et heure ISO 8601 avec fuseau attendues",
  rdv_availability_past: "Créneau de disponibilité passé : il doit être dans le futur",
  rdv_availability_outside_hours:
    "Créneau de disponibilité hors des heures ouvrées (lundi-vendredi 9 h-19 h, heure de Paris, hors jours fériés)",
  rdv_availability_too_far: "Créneau de disponibilité trop lointain : 30 jours au plus",
  rdv_channel_invalid: "Canal du RDV manquant ou invalide : « telephone » ou « visio » attendu",
  rdv_confirmation_invalid: "Mode de confirmation du RDV manquant ou invalide : « sms » ou « email » attendu",
  rdv_confirmation_needs_mobile: "Confirmation du RDV par SMS : le téléphone doit être un mobile",
  rdv_confirmation_needs_email: "Confirmation du RDV par e-mail : l'e-mail du prospect est exigé",
  rdv_consent_missing: "Consentement renforcé (transmission à un courtier et RDV) absent ou non accepté",
  rdv_consent_text_unknown: "Version du texte du consentement renforcé inconnue ou non publiée",
  rdv_consent_same_text: "Le consentement renforcé doit porter sur son propre texte, distinct du consentement principal",
  rdv_consent_in_future: "Date du consentement renforcé dans le futur",
  rdv_consent_before_text: "Consentement renforcé recueilli avant la publication de son texte",
  // duplicates and opposition
  duplicate_phone: "Doublon : même téléphone pour ce produit dans les 30 derniers jours",
  duplicate_email: "Doublon : même e-mail pour ce produit dans les 30 derniers jours",
  suppressed: "Personne inscrite sur la liste d'opposition",
} as const;

export type RejectionCode = keyof typeof REJECTION_MESSAGES;

export interface RejectionReason {
  code: RejectionCode;
  /** Dotted path of the field at fault, e.g. "contact.phone", "consent.ip", "fields.montantProjet". */
  field: string;
  message: string;
}

/** Field and detail may quote what was sent: they are made readable text (json-text.ts), as reasons are stored and shown. */
export function reason(code: RejectionCode, field: string, detail?: string): RejectionReason {
  const base = REJECTION_MESSAGES[code];
  return { code, field: readableText(field), message: detail ? `${base} : ${readableText(detail)}` : base };
}
