import {
  type ClientRecord,
  LEGAL_FORM_LABELS,
  type LegalForm,
  MANAGER_ROLE_LABELS,
  type ManagerRole,
  PROFESSIONAL_STATUS_LABELS,
  type ProfessionalStatus,
  TNS_PROFESSIONAL_STATUSES,
} from "./client-model";

/**
 * Is the client (or the manager of a company) a "travailleur non salarié"? French social law decides it
 * from the legal form and the mandate, not from the word "chef d'entreprise":
 * - entrepreneur individuel (EI, micro-entrepreneur), associés of a SNC: TNS;
 * - gérant majoritaire of a SARL / SELARL, gérant associé unique of an EURL: TNS (art. L311-3 11° CSS
 *   says the minority / equal gérant is assimilé salarié, so the majority one is not);
 * - président and DG of a SAS, SASU, SELAS, SA: assimilés salariés (art. L311-3 12° CSS);
 * - the gérant of a SCI or an association is not TNS by that mandate.
 */

const ALWAYS_SALARIED_FORMS: readonly LegalForm[] = ["sas", "sasu", "selas", "sa", "sci", "association"];
const NOT_MANAGING: readonly ManagerRole[] = ["gerant_non_associe", "associe"];

/** True / false when the legal form and the mandate decide it; undefined when they do not say. */
export function managerIsTns(legalForm: LegalForm | null | undefined, role: ManagerRole | null | undefined): boolean | undefined {
  if (!legalForm || legalForm === "autre") return undefined;
  if (legalForm === "ei") return true;
  if (ALWAYS_SALARIED_FORMS.includes(legalForm)) return false;
  if (legalForm === "sarl" || legalForm === "selarl") return role ? role === "gerant_majoritaire" : undefined;
  // EURL: the single associate is almost always the gérant; SNC: every associate is TNS.
  if (legalForm === "eurl") return role ? !NOT_MANAGING.includes(role) : true;
  if (legalForm === "snc") return role !== "gerant_non_associe";
  return undefined;
}

/** Statuses that say the client works for someone else, or does not work: a NAF code on the record is then the employer's. */
const NOT_SELF_EMPLOYED: readonly ProfessionalStatus[] = ["salarie_prive", "fonctionnaire", "retraite", "sans_emploi", "etudiant"];

/** Words of an activity that say "à son compte", as agents type them in the CRM. */
const SELF_EMPLOYED_WORDS =
  /\b(artisan|auto[- ]?entrepreneur|micro[- ]?entrepr\w*|ind[ée]pendant|lib[ée]ral|commer[cç]ant|exploitant|freelance|à son compte|g[ée]rant)/i;

export type TnsSignal = "flag" | "legal_form" | "status" | "chef_entreprise" | "business_number" | "activity";

export interface TnsDetection {
  /** "sure": the record says it (flag, status, legal form); "to_check": a business on a personal record, to ask. */
  certainty: "sure" | "to_check";
  signal: TnsSignal;
  /** French, shown on the call screen and in the preparation list. */
  reason: string;
}

type TnsFields = Pick<
  ClientRecord,
  "type" | "isTns" | "professionalStatus" | "legalForm" | "managerRole" | "nafCode" | "siret" | "activity"
>;

/**
 * A TNS whose record does not say so yet (spec 002 §4.3: "si client TNS détecté, même avec seulement un
 * contrat particulier"): a particulier, or a professionnel not flagged TNS. Null when there is nothing
 * to requalify. `nafLabel` is the official label of the NAF code, when the caller has the nomenclature.
 */
export function tnsDetection(client: TnsFields, opts: { nafLabel?: string | null } = {}): TnsDetection | null {
  if (client.type === "entreprise" || client.isTns) {
    return client.type === "particulier" && client.isTns
      ? { certainty: "sure", signal: "flag", reason: "Client marqué TNS sur une fiche particulier" }
      : null;
  }
  const byForm = managerIsTns(client.legalForm, client.managerRole);
  if (byForm === false) return null;
  if (byForm === true && client.legalForm) {
    const role = client.managerRole ? `, ${MANAGER_ROLE_LABELS[client.managerRole].toLowerCase()}` : "";
    return { certainty: "sure", signal: "legal_form", reason: `${LEGAL_FORM_LABELS[client.legalForm]}${role} : travailleur non salarié` };
  }
  const status = client.professionalStatus;
  if (status && TNS_PROFESSIONAL_STATUSES.includes(status)) {
    const on = client.type === "particulier" ? " sur une fiche particulier" : " sur une fiche non marquée TNS";
    return { certainty: "sure", signal: "status", reason: `Situation professionnelle « ${PROFESSIONAL_STATUS_LABELS[status]} »${on}` };
  }
  if (client.type !== "particulier") return null;
  if (status === "chef_entreprise") {
    return {
      certainty: "to_check",
      signal: "chef_entreprise",
      reason:
        "Chef d'entreprise sur une fiche particulier : la forme juridique et le mandat décident " +
        "(gérant majoritaire de SARL : TNS ; président de SAS : assimilé salarié)",
    };
  }
  if (status && NOT_SELF_EMPLOYED.includes(status)) return null;
  const activity = client.activity?.trim() ? ` et activité « ${client.activity.trim()} »` : "";
  if (client.nafCode?.trim()) {
    const label = opts.nafLabel ? ` (${opts.nafLabel})` : "";
    return {
      certainty: "to_check",
      signal: "business_number",
      reason: `Code NAF ${client.nafCode.trim()}${label}${activity} sur une fiche particulier : le client exerce à son compte`,
    };
  }
  if (client.siret?.trim()) {
    return {
      certainty: "to_check",
      signal: "business_number",
      reason: `SIRET ${client.siret.trim()}${activity} sur une fiche particulier : le client exerce à son compte`,
    };
  }
  if (client.activity && SELF_EMPLOYED_WORDS.test(client.activity)) {
    return {
      certainty: "to_check",
      signal: "activity",
      reason: `Activité « ${client.activity.trim()} » sur une fiche particulier : le client semble exercer à son compte`,
    };
  }
  return null;
}

/** How a follow-up settled the detection: the record switched to pro / TNS, or the detection set aside with a reason. */
export interface TnsResolution {
  decision: "requalified" | "dismissed";
  reason?: string | null;
  by: string;
  at: string;
}

/**
 * The status the call works with: the record's flag, or a detection not set aside. Until the agent
 * resolves it, a detected TNS is treated as one (pro checklist, TNS suggestions).
 */
export function effectiveTns(client: TnsFields, resolution: TnsResolution | null | undefined, detection = tnsDetection(client)): boolean {
  // Set aside: the agent checked it is not a TNS, even if a particulier record carried the flag by mistake.
  if (resolution?.decision === "dismissed") return client.type !== "particulier" && client.isTns;
  return client.isTns || detection !== null;
}
