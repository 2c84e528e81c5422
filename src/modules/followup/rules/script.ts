import { FRENCH_MONTHS, parisToday } from "../../catalogue/rules/dates";
import { checklistFor, REVIEW_STATUS_OPTIONS } from "../../crm/rules/checklist";
import { CIVILITY_LABELS, type Civility, type ClientType } from "../../crm/rules/client-model";
import { CONTRACT_VALIDATION_STATUS_OPTIONS, RECOVERY_MODE_OPTIONS } from "../../crm/rules/contract-compliance";
import { joinFrench, type ProductLine, productLine } from "../../crm/rules/product-lines";
import type { FollowupBlock } from "./call-screen";
import { ACTION_KIND_OPTIONS, MAX_RETAINED_GAPS, REBOUND_ANSWER_OPTIONS } from "./model";
import { EVENT_LABELS, type FollowupEvent, type FollowupState } from "./workflow";

/**
 * The M+3 call script (spec 002 §4.2-4.5, spec 003 étapes 2-3), filled with the client's data.
 * The order of the steps is the method itself: administrative first, commercial only after.
 */

export interface CallScriptInput {
  client: { civility?: Civility | null; firstName: string; lastName: string; type: ClientType; isTns: boolean };
  agent: { firstName: string };
  agencyName: string;
  /** Network or brand shown before the agency name ("Allianz" → "votre agence Allianz Corniche"). */
  brokerName?: string | null;
  firstContract: {
    /** As said on the phone: "auto", "habitation"… */
    productLabel: string;
    sellerFirstName: string;
    sellerIsAgent: boolean;
    /** The contract's start, or the words to say instead (the pocket guide's "en [mois de souscription]"). */
    startDate: string | Date | { said: string };
  };
  ourLines: readonly ProductLine[];
  now: Date;
  /** Reformulations of what was subscribed ("auto tous risques en zone urbaine"), one per contract. */
  contractSummaries?: readonly string[];
  /** Gaps to raise (from topGaps), phrased with their "why". */
  gaps?: readonly { productLine: ProductLine; why: string }[];
}

export type ScriptStepId =
  | "opening"
  | "authorisation"
  | "callback"
  | "profile_update"
  | "contract_validation"
  | "pivot"
  | "rebound"
  | "action_plan";

export interface ScriptButton {
  label: string;
  /** Workflow event fired by the button. */
  event?: FollowupEvent;
  /** Answer recorded by the button (review status, contract status, rebound answer, action kind). */
  value?: string;
}

export interface ScriptStep {
  id: ScriptStepId;
  block: FollowupBlock;
  /** Workflow state in which the step is shown. */
  state: FollowupState;
  title: string;
  /** What the agent says. */
  lines: string[];
  /** What the agent does (not read aloud). */
  hints: string[];
  buttons: ScriptButton[];
}

/** "yyyy-mm" of a calendar day ("2026-08-10") or of an instant read in Paris; null when it is neither. */
function parisMonthOf(value: string | Date): { year: number; month: number } | null {
  const day = value instanceof Date ? (Number.isNaN(value.getTime()) ? "" : parisToday(value)) : value;
  const m = /^(\d{4})-(\d{2})-\d{2}/.exec(day);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/**
 * When the contract was subscribed, as a person says it on the phone: "en août". The month alone
 * names the last one of that name, so it is enough within the eleven months before this one (an M+3
 * call is always three months on); from twelve months back, or for a date ahead of today (a record
 * to correct), the year is said too: "en août 2024". Months are read in Paris, like the campaigns.
 */
export function subscribedWhenPhrase(startDate: string | Date, now: Date): string {
  const start = parisMonthOf(startDate);
  const current = parisMonthOf(now);
  if (!start || !current || start.month < 1 || start.month > 12) return "il y a quelques mois";
  const name = FRENCH_MONTHS[start.month - 1];
  const monthsBack = (current.year - start.year) * 12 + (current.month - start.month);
  if (monthsBack === 0) return "ce mois-ci";
  return monthsBack > 0 && monthsBack < 12 ? `en ${name}` : `en ${name} ${start.year}`;
}

function answerButtons(options: readonly { value: string; label: string }[]): ScriptButton[] {
  return options.map((o) => ({ label: o.label, value: o.value }));
}

function eventButton(event: FollowupEvent): ScriptButton {
  return { label: EVENT_LABELS[event], event };
}

/**
 * How the client is addressed, on the phone and in writing: "Madame Pélissier" from the civility on the
 * record; without one, first and last name ("Audrey Pélissier") rather than a guessed Madame/Monsieur.
 */
export function clientSalutation(client: Pick<CallScriptInput["client"], "civility" | "firstName" | "lastName">): string {
  const name = client.lastName.trim();
  return (client.civility ? `${CIVILITY_LABELS[client.civility]} ${name}` : `${client.firstName.trim()} ${name}`).trim();
}

/** The opening's first words when calling back at the time agreed with the client. */
export function callbackReminderLine(when: string): string {
  return `Je vous rappelle comme convenu pour notre rendez-vous téléphonique du ${when}.`;
}

function ourLinesPhrase(input: CallScriptInput): string {
  const phrases = [...new Set(input.ourLines)].map((line) => productLine(line).phrase);
  return phrases.length > 0 ? joinFrench(phrases) : `votre contrat ${input.firstContract.productLabel}`;
}

/** The three rebound profiles of spec 003 ("le rebond selon le profil"). */
export const REBOUND_PROFILE_LABELS = {
  obvious_gap: "Manque évident",
  pro_tns: "Pro / TNS",
  patrimonial: "Patrimonial",
} as const;
export type ReboundProfile = keyof typeof REBOUND_PROFILE_LABELS;

export interface StructuralQuestion {
  profile: ReboundProfile;
  text: string;
}

/**
 * Structural protections to check explicitly (spec 002 §4.5), skipping what we already insure and
 * what a detected gap already raises, so the client never hears the same question twice.
 */
export function structuralQuestions(input: Pick<CallScriptInput, "client" | "ourLines" | "gaps">): StructuralQuestion[] {
  const covered = new Set<ProductLine>([...input.ourLines, ...(input.gaps ?? []).map((g) => g.productLine)]);
  const isPro = input.client.type !== "particulier" || input.client.isTns;
  const questions: StructuralQuestion[] = [];
  const pjGav = [
    covered.has("protection_juridique") ? null : "de protection juridique",
    covered.has("gav") || input.client.type === "entreprise" ? null : "de garantie des accidents de la vie",
  ].filter((x): x is string => x !== null);
  if (pjGav.length > 0) {
    questions.push({
      profile: "obvious_gap",
      text: `Je vois que vous n'avez pas ${joinFrench(pjGav, "ni")} chez nous : qui s'en occupe pour vous ?`,
    });
  }
  if (isPro && !covered.has("prevoyance")) {
    questions.push({
      profile: "pro_tns",
      text: "En cas d'arrêt de travail, vous savez que la couverture est limitée : qu'avez-vous prévu ?",
    });
  }
  if (input.client.type !== "entreprise" && !covered.has("per")) {
    questions.push({ profile: "patrimonial", text: "Avez-vous pris des dispositions pour votre retraite ou pour vos impôts ?" });
  }
  return questions;
}

export function buildCallScript(input: CallScriptInput): ScriptStep[] {
  const { client, agent, firstContract } = input;
  const product = firstContract.productLabel;
  const start = firstContract.startDate;
  const when = typeof start === "object" && "said" in start ? start.said : subscribedWhenPhrase(start, input.now);
  const agency = input.brokerName?.trim() ? `${input.brokerName.trim()} ${input.agencyName}` : input.agencyName;
  const clarification = firstContract.sellerIsAgent
    ? `C'est moi qui ai assuré votre contrat ${product}, et c'est toujours moi qui vais suivre et gérer votre dossier.`
    : `C'est ${firstContract.sellerFirstName} qui a assuré votre contrat ${product} ` +
      "et c'est moi qui vais vous suivre et gérer votre dossier.";
  const checklist = checklistFor(client.type, client.isTns);
  const summaries = (input.contractSummaries ?? []).filter((s) => s.trim());
  const reformulation =
    summaries.length > 0 ? `vous avez souscrit ${joinFrench(summaries)}` : `vous êtes assuré chez nous pour ${ourLinesPhrase(input)}`;
  const recoveryModes = joinFrench(
    RECOVERY_MODE_OPTIONS.map((m) => m.label.toLowerCase()),
    "ou",
  );
  const closingButtons = ACTION_KIND_OPTIONS.filter((a) => a.value !== "send_documents");

  return [
    {
      id: "opening",
      block: "conduite",
      state: "contact_attempt",
      title: "Accroche",
      lines: [
        `Bonjour ${clientSalutation(client)}, c'est ${agent.firstName} de votre agence ${agency}.`,
        `Je vous appelle au sujet de votre contrat ${product}, souscrit chez nous ${when}. Vous vous en souvenez ?`,
        clarification,
      ],
      hints: ["Laissez au client le temps de resituer la relation avant de continuer."],
      buttons: [],
    },
    {
      id: "authorisation",
      block: "conduite",
      state: "contact_attempt",
      title: "Question d'autorisation",
      lines: [
        "Quelques mois après la souscription, nous vérifions systématiquement que tout est en ordre pour nos assurés.",
        "Est-ce que vous avez 5 minutes pour moi, j'ai besoin de mettre à jour votre dossier client ?",
      ],
      hints: ["Si le client n'est pas disponible : proposez un rendez-vous téléphonique et enregistrez date et heure."],
      buttons: [eventButton("client_available"), eventButton("client_unavailable")],
    },
    {
      id: "callback",
      block: "conduite",
      state: "scheduled_callback",
      title: "Rendez-vous téléphonique",
      lines: [
        "Pas de souci. Quand puis-je vous rappeler : plutôt en matinée, en début d'après-midi ou en fin de journée ?",
        `C'est noté, je vous rappelle à ce moment-là. Je vous envoie mes coordonnées par SMS d'ici là : c'est ${agent.firstName}.`,
      ],
      hints: ["La date et l'heure du rappel sont obligatoires."],
      buttons: [eventButton("callback_due")],
    },
    {
      id: "profile_update",
      block: "conduite",
      state: "admin_profile_update",
      title: "Mise à jour de la fiche client",
      lines: [
        "Parfait, merci. Je commence par vérifier les informations de votre dossier.",
        ...checklist.flatMap((item) => (item.question ? [item.question] : [])),
      ],
      hints: [
        ...(client.type === "particulier" && client.isTns
          ? ["Client TNS : passez la fiche en client pro / TNS et positionnez le bon chargé de clientèle."]
          : []),
        `Chaque point doit être marqué : ${checklist.map((item) => item.label).join(", ")}.`,
        "Vérifiez la bonne agence et le bon chargé de clientèle : point obligatoire.",
      ],
      buttons: [...answerButtons(REVIEW_STATUS_OPTIONS), eventButton("profile_done")],
    },
    {
      id: "contract_validation",
      block: "conduite",
      state: "admin_contract_validation",
      title: "Validation des contrats",
      lines: [
        "Je vérifie maintenant vos contrats : signatures et pièces du dossier.",
        `Pour être sûr que tout vous convient : ${reformulation}. Cela correspond bien à votre besoin ?`,
      ],
      hints: [
        `S'il manque une signature ou une pièce, demandez : « Comment préférez-vous me la transmettre : ${recoveryModes} ? »`,
        "Listez immédiatement chaque élément manquant et son mode de récupération.",
      ],
      buttons: [...answerButtons(CONTRACT_VALIDATION_STATUS_OPTIONS), eventButton("contracts_done")],
    },
    {
      id: "pivot",
      block: "rebond",
      state: "commercial_rebound",
      title: "Question pivot",
      lines: [
        "Tout est en ordre dans votre dossier, merci pour votre confiance.",
        `Nous sommes à présent votre assureur pour ${ourLinesPhrase(input)}. ` +
          "Pour les contrats que vous n'avez pas chez nous, qui sont vos autres assureurs ?",
      ],
      hints: ["Taisez-vous, laissez le silence : c'est au client de le remplir.", "Notez ce qu'il a chez nous et ce qu'il a ailleurs."],
      buttons: [...answerButtons(REBOUND_ANSWER_OPTIONS), { label: "Aucun autre assureur", value: "no_other_insurer" }],
    },
    {
      id: "rebound",
      block: "rebond",
      state: "commercial_rebound",
      title: "Rebond : les manques",
      lines: [
        ...(input.gaps ?? []).map((gap) => `${gap.why} Qu'avez-vous prévu aujourd'hui ?`),
        ...structuralQuestions(input).map((q) => q.text),
        "Je vous propose de faire un bilan global de vos contrats, et de voir ensemble les compléments utiles.",
      ],
      hints: [`Retenez ${MAX_RETAINED_GAPS} manques prioritaires au maximum.`],
      buttons: [...answerButtons(REBOUND_ANSWER_OPTIONS), eventButton("rebound_done")],
    },
    {
      id: "action_plan",
      block: "plan",
      state: "action_plan",
      title: "Plan d'actions et clôture",
      lines: [
        "Je vous propose la suite suivante : …",
        `Vous avez désormais un interlocuteur dédié pour votre dossier : c'est moi, ${agent.firstName}.`,
        "Je vous envoie tout de suite ma carte de contact par SMS ou par e-mail : enregistrez-la pour me joindre directement.",
        "Merci pour votre temps, et à très bientôt.",
      ],
      hints: ["Chaque action a une échéance et un responsable.", "Renseignez les quatre critères de clôture."],
      buttons: [...answerButtons(closingButtons), eventButton("close")],
    },
  ];
}
