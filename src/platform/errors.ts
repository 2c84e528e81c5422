/**
 * One error type for the whole server. Use-cases throw AppError with a stable code; the HTTP status
 * and the French message live here, in one table, so every code is mapped exactly once.
 */
export const ERROR_CATALOGUE = {
  validation_error: { status: 400, message: "Requête invalide" },
  invalid_csv: { status: 400, message: "Fichier CSV illisible" },
  unauthenticated: { status: 401, message: "Authentification requise" },
  login_failed: { status: 401, message: "E-mail ou mot de passe incorrect" },
  api_key_invalid: { status: 401, message: "Clé API invalide ou révoquée" },
  forbidden: { status: 403, message: "Action non autorisée pour votre compte" },
  csrf_invalid: { status: 403, message: "Jeton CSRF manquant ou invalide : rechargez la page" },
  demo_account_disabled: { status: 403, message: "Les comptes de démonstration sont désactivés en production" },
  not_found: { status: 404, message: "Ressource introuvable" },
  conflict: { status: 409, message: "Conflit avec l'état actuel de la ressource" },
  idempotency_key_reused: {
    status: 409,
    message: "Cette clé d'idempotence a déjà servi pour une requête différente",
  },
  consent_text_exists: { status: 409, message: "Cette version de texte de consentement existe déjà" },
  too_many_requests: { status: 429, message: "Trop de tentatives : réessayez dans quelques minutes" },
  payload_too_large: { status: 413, message: "Fichier ou requête trop volumineux" },
  headers_too_large: {
    status: 431,
    message: "En-têtes de requête trop volumineux (plus de 16 Ko, cookies compris) : effacez les cookies de ce site et réessayez",
  },
  request_timeout: { status: 408, message: "La requête est arrivée trop lentement : réessayez" },
  transition_refused: { status: 409, message: "Cette étape n'est pas accessible maintenant" },
  external_ref_taken: { status: 409, message: "Cette référence CRM est déjà attribuée à une autre fiche" },
  email_taken: { status: 409, message: "Cette adresse e-mail est déjà utilisée par un compte" },
  agency_in_use: {
    status: 409,
    message: "Cette agence a encore des clients ou des collaborateurs : rattachez-les à une autre agence avant de la supprimer",
  },
  buyer_not_eligible: { status: 403, message: "Votre cabinet ne peut pas acheter ce lead" },
  brokerage_exists: { status: 409, message: "Un cabinet est déjà inscrit avec ce SIREN ou ce numéro ORIAS" },
  invitation_invalid: {
    status: 410,
    message: "Cette invitation n'est plus valable : demandez-en une nouvelle à l'administrateur du cabinet",
  },
  lead_deleted: { status: 410, message: "Ce lead a été supprimé de la base après son enregistrement" },
  lead_already_converted: { status: 409, message: "Ce lead a déjà été transformé en client" },
  lead_already_sold: { status: 409, message: "Ce lead a déjà été vendu" },
  return_exists: { status: 409, message: "Ce lead a déjà fait l'objet d'une contestation" },
  return_window_closed: { status: 409, message: "Le délai de contestation de ce lead est passé" },
  return_cap_reached: { status: 409, message: "Votre cabinet a atteint son plafond de contestations" },
  return_decided: { status: 409, message: "Cette contestation a déjà été tranchée" },
  lead_on_hold: {
    status: 409,
    message: "Ce lead est réservé par un autre courtier pendant son paiement : réessayez dans quelques minutes",
  },
  lead_not_in_stock: { status: 404, message: "Ce lead n'est pas (ou plus) en vente dans la salle de marché" },
  hold_expired: { status: 409, message: "Votre réservation a expiré : réservez à nouveau ce lead s'il est encore disponible" },
  insufficient_credits: { status: 402, message: "Crédits insuffisants : rechargez votre compte pour continuer" },
  payment_declined: { status: 402, message: "Paiement refusé par la banque : essayez une autre carte" },
  payment_unavailable: { status: 502, message: "Le service de paiement ne répond pas : réessayez dans quelques minutes" },
  webhook_signature_invalid: { status: 400, message: "Signature du webhook de paiement invalide" },
  webhook_not_configured: { status: 409, message: "Aucun webhook n'est configuré pour votre cabinet" },
  delivery_body_purged: {
    status: 409,
    message: "Le contenu de cette livraison a été effacé à la fin de sa durée de conservation : elle ne peut plus être renvoyée",
  },
  internal_error: { status: 500, message: "Erreur interne : l'équipe technique a été prévenue" },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export interface ErrorBody {
  error: { code: string; message: string; field?: string; details?: unknown };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: unknown;

  constructor(code: ErrorCode, opts: { message?: string; field?: string; details?: unknown } = {}) {
    super(opts.message ?? ERROR_CATALOGUE[code].message);
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }

  get status(): number {
    return ERROR_CATALOGUE[this.code].status;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.field ? { field: this.field } : {}),
        ...(this.details !== undefined ? { details: this.details } : {}),
      },
    };
  }
}

export const notFound = (what = "Ressource") => new AppError("not_found", { message: `${what} introuvable` });

/** One field's problem, in French, named in words: what a 400 lists in `details`. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** A 400 naming its first field, with every issue in `details`. */
export function validationError(issues: readonly FieldIssue[]): AppError {
  const first = issues[0] ?? { field: "body", message: "Requête invalide" };
  return new AppError("validation_error", { field: first.field, message: first.message, details: issues });
}
