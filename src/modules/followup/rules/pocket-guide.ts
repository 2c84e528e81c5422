import { checklistFor, REVIEW_STATUS_OPTIONS } from "../../crm/rules/checklist";
import type { ClientType } from "../../crm/rules/client-model";
import { CLOSING_CRITERIA } from "./closing";
import { ACTION_KIND_OPTIONS, MAX_RETAINED_GAPS } from "./model";
import {
  buildCallScript,
  callbackReminderLine,
  REBOUND_PROFILE_LABELS,
  type ScriptStep,
  type ScriptStepId,
  structuralQuestions,
} from "./script";

/**
 * The "guide de poche" of spec 003: the M+3 call on one or two pages, for one kind of client, to keep
 * in sight while calling. Built from the very script, checklists and criteria the call screen uses, so
 * the paper never says something else than the screen. Renderer-neutral: the PDF is drawn elsewhere.
 */

export const GUIDE_AUDIENCES = ["particulier", "professionnel", "entreprise", "tns"] as const;
export type GuideAudience = (typeof GUIDE_AUDIENCES)[number];
export const GUIDE_AUDIENCE_LABELS: Record<GuideAudience, string> = {
  particulier: "Particulier",
  professionnel: "Professionnel",
  entreprise: "Entreprise",
  tns: "TNS (travailleur non salarié)",
};

export interface PocketGuideInput {
  audience: GuideAudience;
  /** Known when the guide is opened from a call; left as blanks to fill by hand otherwise. */
  agency?: { name: string; brand?: string | null } | null;
  advisor?: { firstName: string; lastName: string } | null;
  now: Date;
}

export type GuideBlock =
  /** Words said to the client, as the script has them. */
  | { kind: "say"; label?: string; lines: string[] }
  /** What the advisor does, not said aloud. */
  | { kind: "hint"; text: string }
  | { kind: "checklist"; items: string[]; columns: number }
  /** The one sentence to remember of a step. */
  | { kind: "callout"; label: string; text: string };

export interface GuideSection {
  title: string;
  blocks: GuideBlock[];
}

export interface PocketGuide {
  title: string;
  audienceLabel: string;
  /** "Allianz Corniche", or null when the guide is generic. */
  agency: string | null;
  advisor: string | null;
  sections: GuideSection[];
}

const PLACEHOLDER = { firstName: "[Prénom]", lastName: "[Nom]", agent: "[votre prénom]", agency: "[agence]", product: "[produit]" };

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function clientOf(audience: GuideAudience): { type: ClientType; isTns: boolean } {
  if (audience === "tns") return { type: "professionnel", isTns: true };
  return { type: audience, isTns: false };
}

function stepOf(steps: readonly ScriptStep[], id: ScriptStepId): ScriptStep {
  const step = steps.find((s) => s.id === id);
  if (!step) throw new Error(`call script has no step ${id}`);
  return step;
}

export function buildPocketGuide(input: PocketGuideInput): PocketGuide {
  const { type, isTns } = clientOf(input.audience);
  const client = { civility: null, firstName: PLACEHOLDER.firstName, lastName: PLACEHOLDER.lastName, type, isTns };
  const agentFirstName = input.advisor?.firstName.trim() || PLACEHOLDER.agent;
  const script = (sellerIsAgent: boolean) =>
    buildCallScript({
      client,
      agent: { firstName: agentFirstName },
      agencyName: input.agency?.name.trim() || PLACEHOLDER.agency,
      brokerName: input.agency?.brand,
      firstContract: {
        productLabel: PLACEHOLDER.product,
        sellerFirstName: "[collègue]",
        sellerIsAgent,
        startDate: { said: "en [mois de souscription]" },
      },
      ourLines: [],
      now: input.now,
    });
  const steps = script(true);
  const colleague = stepOf(script(false), "opening");
  const opening = stepOf(steps, "opening");
  const authorisation = stepOf(steps, "authorisation");
  const pivot = stepOf(steps, "pivot");
  const contracts = stepOf(steps, "contract_validation");
  const plan = stepOf(steps, "action_plan");
  const checklist = checklistFor(type, isTns);
  const questions = checklist.flatMap((item) => (item.question ? [item.question] : []));
  const rebound = structuralQuestions({ client, ourLines: [] });
  const agency = input.agency ? [input.agency.brand?.trim(), input.agency.name.trim()].filter(Boolean).join(" ") : null;

  return {
    title: "Guide de poche — l'appel M+3",
    audienceLabel: GUIDE_AUDIENCE_LABELS[input.audience],
    agency,
    advisor: input.advisor ? `${input.advisor.firstName} ${input.advisor.lastName}`.trim() : null,
    sections: [
      {
        title: "1. Avant l'appel : la fondation",
        blocks: [
          { kind: "hint", text: "La fiche client « parfaite » :" },
          { kind: "checklist", items: checklist.map((item) => item.label), columns: 3 },
          { kind: "hint", text: "Le contrat « carré » :" },
          {
            kind: "checklist",
            items: ["GED : toutes les pièces présentes", "Contrat signé", "Aucune instance en attente"],
            columns: 3,
          },
        ],
      },
      {
        title: "2. La prise de contact",
        blocks: [
          { kind: "say", label: "L'accroche", lines: opening.lines.slice(0, 2) },
          { kind: "say", label: "Vous avez vendu le premier contrat", lines: opening.lines.slice(2) },
          { kind: "say", label: "Un collègue l'a vendu", lines: colleague.lines.slice(2) },
          { kind: "say", label: "Rappel convenu", lines: [callbackReminderLine("[date et heure convenues]")] },
          { kind: "callout", label: "La question d'autorisation", text: authorisation.lines.join(" ") },
          { kind: "say", label: "Pas disponible maintenant", lines: stepOf(steps, "callback").lines.slice(0, 1) },
          ...opening.hints.map((text): GuideBlock => ({ kind: "hint", text })),
        ],
      },
      {
        title: "3. L'administratif d'abord",
        blocks: [
          { kind: "say", label: "La fiche", lines: questions },
          { kind: "hint", text: `Chaque point : ${REVIEW_STATUS_OPTIONS.map((o) => o.label).join(" / ")}.` },
          { kind: "say", label: "Les contrats", lines: contracts.lines },
          ...contracts.hints.slice(0, 1).map((text): GuideBlock => ({ kind: "hint", text })),
        ],
      },
      {
        title: "4. La bascule commerciale",
        blocks: [
          { kind: "callout", label: "La question magique", text: pivot.lines.join(" ") },
          { kind: "hint", text: `La règle d'or : ${lowerFirst(pivot.hints[0] ?? "")}` },
          ...rebound.map((q): GuideBlock => ({ kind: "say", label: REBOUND_PROFILE_LABELS[q.profile], lines: [q.text] })),
          { kind: "hint", text: `${MAX_RETAINED_GAPS} manques prioritaires au plus, chacun avec son « pourquoi ».` },
        ],
      },
      {
        title: "5. Le plan d'actions",
        blocks: [
          {
            kind: "hint",
            text: `${ACTION_KIND_OPTIONS.map((a) => a.label).join(", ")} : chaque action a une échéance et un responsable.`,
          },
          { kind: "say", lines: plan.lines.slice(1, 3) },
        ],
      },
      {
        title: "La victoire : on gagne si…",
        blocks: [{ kind: "checklist", items: CLOSING_CRITERIA.map((c) => c.label), columns: 2 }],
      },
    ],
  };
}
