import { z } from "zod";
import { REVIEW_STATUS_OPTIONS } from "../crm/rules/checklist";
import { CONTRACT_VALIDATION_STATUS_OPTIONS, RECOVERY_MODE_OPTIONS } from "../crm/rules/contract-compliance";
import { PRODUCT_LINE_KEYS, type ProductLine } from "../crm/rules/product-lines";
import { MONTH_PATTERN } from "./campaign/months";
import { CONTACT_CARD_CHANNELS } from "./rules/closing";
import { CONTACT_CHANNEL_OPTIONS } from "./rules/contact";
import { ACTION_KIND_OPTIONS, REBOUND_ANSWER_OPTIONS } from "./rules/model";
import { FOLLOWUP_STATES } from "./rules/workflow";

/**
 * What the follow-up API accepts, one schema per endpoint, built from the same option lists as the
 * screens. Every object is strict (an unknown key is refused, not ignored: a typo must not look
 * saved) and every field declares its French name, used by validation messages and the OpenAPI page.
 * Shape only: what blocks a step is the guards' call, what makes a recording wrong the use-cases'.
 */

const values = <T extends string>(options: readonly { value: T }[]) => options.map((o) => o.value) as [T, ...T[]];
const text = (max: number) => z.string().trim().max(max);
const choice = <T extends string>(options: readonly { value: T }[], title: string) => z.enum(values(options)).meta({ title });
const productLine = (title: string) => z.enum(PRODUCT_LINE_KEYS as unknown as [ProductLine, ...ProductLine[]]).meta({ title });

export const idParams = z.strictObject({ id: z.uuid().meta({ title: "l'identifiant du suivi" }) });
export const month = z
  .string()
  .regex(MONTH_PATTERN)
  .meta({ title: "le mois", examples: ["2026-11"] });

export const transitionBody = z.strictObject({
  // Any string: an event outside the table is the workflow's refusal (409), not a malformed request.
  event: z.string().min(1).max(60).meta({ title: "l'étape demandée" }),
  expectedVersion: z.number().int().min(0).meta({ title: "la version du suivi" }),
  override: z
    .strictObject({ reason: text(1000).meta({ title: "le motif" }) })
    .optional()
    .meta({ title: "le forçage" }),
  contact: z
    .strictObject({
      name: text(200).nullish().meta({ title: "la personne jointe" }),
      channel: choice(CONTACT_CHANNEL_OPTIONS, "le canal").nullish(),
    })
    .optional()
    .meta({ title: "le contact" }),
  callbackAt: z.iso.datetime({ offset: true }).optional().meta({ title: "la date et l'heure du rappel" }),
  note: text(2000).nullish().meta({ title: "la note" }),
});

export const checklistReviewsBody = z.strictObject({
  reviews: z
    .array(
      z
        .strictObject({
          key: z.string().min(1).max(60).meta({ title: "le point de la fiche" }),
          status: choice(REVIEW_STATUS_OPTIONS, "la réponse"),
          value: z
            .union([
              z.string().max(300),
              z.number(),
              z.strictObject({
                addressLine: text(200).nullish().meta({ title: "la rue" }),
                postalCode: text(10).nullish().meta({ title: "le code postal" }),
                city: text(100).nullish().meta({ title: "la commune" }),
              }),
            ])
            .nullish()
            .meta({ title: "la nouvelle valeur" }),
        })
        .meta({ title: "le point" }),
    )
    .min(1)
    .max(40)
    .meta({ title: "les points vérifiés" }),
});

export const contractValidationBody = z.strictObject({
  contractId: text(100).min(1).meta({ title: "le contrat" }),
  status: choice(CONTRACT_VALIDATION_STATUS_OPTIONS, "le statut du contrat"),
  missingItems: z
    .array(
      z
        .strictObject({
          kind: z.enum(["document", "signature", "other"]).meta({ title: "la nature de l'élément" }),
          key: text(100).optional().meta({ title: "la référence de l'élément" }),
          label: text(300).min(1).meta({ title: "le libellé de l'élément" }),
          recoveryMode: choice(RECOVERY_MODE_OPTIONS, "le mode de récupération").nullish(),
        })
        .meta({ title: "l'élément manquant" }),
    )
    .max(50)
    .optional()
    .meta({ title: "les éléments manquants" }),
  note: text(2000).nullish().meta({ title: "la note" }),
});

export const reboundBody = z.strictObject({
  lines: z
    .array(
      z
        .strictObject({
          productLine: productLine("la garantie"),
          answer: choice(REBOUND_ANSWER_OPTIONS, "la réponse du client"),
          insurerName: text(200).nullish().meta({ title: "l'assureur" }),
          note: text(2000).nullish().meta({ title: "la note" }),
        })
        .meta({ title: "la ligne" }),
    )
    .max(50)
    .optional()
    .meta({ title: "les contrats chez nous / ailleurs" }),
  noOtherInsurer: z.boolean().nullish().meta({ title: "la réponse « aucun autre assureur »" }),
  // "3 at most" is the use-case's rule, with its own message; the shape only bounds the list.
  retainedGaps: z.array(productLine("le manque retenu")).max(PRODUCT_LINE_KEYS.length).optional().meta({ title: "les manques retenus" }),
});

export const actionPlanBody = z.strictObject({
  actions: z
    .array(
      z
        .strictObject({
          kind: choice(ACTION_KIND_OPTIONS, "le type d'action"),
          productLine: productLine("la garantie").nullish(),
          dueDate: z.iso.date().meta({ title: "la date d'échéance" }),
          ownerId: z.uuid().meta({ title: "le responsable" }),
          note: text(2000).nullish().meta({ title: "la note" }),
        })
        .meta({ title: "l'action" }),
    )
    .max(20)
    .meta({ title: "les actions" }),
  noActionReason: text(1000).nullish().meta({ title: "le motif de l'absence d'action" }),
});

export const closingCriteriaBody = z.strictObject({
  dedicatedContactKnown: z.boolean().nullish().meta({ title: "le critère « interlocuteur dédié »" }),
  contactCardSent: z.boolean().nullish().meta({ title: "le critère « carte de contact envoyée »" }),
  contactCardChannel: choice(CONTACT_CARD_CHANNELS, "le canal de la carte de contact").nullish(),
  recordFullyQualified: z.boolean().nullish().meta({ title: "le critère « fiche client 100 % qualifiée »" }),
  riskZonesAware: z.boolean().nullish().meta({ title: "le critère « zones de risque »" }),
});

export const callbackBody = z.strictObject({
  callbackAt: z.iso.datetime({ offset: true }).meta({ title: "la date et l'heure du rappel" }),
});
export const contactCardBody = z.strictObject({
  channel: choice(CONTACT_CARD_CHANNELS, "le canal d'envoi"),
  version: z.enum(["4.0", "3.0"]).optional().meta({ title: "la version de la vCard" }),
});
export const tnsBody = z.strictObject({ accountManagerId: z.uuid().meta({ title: "le chargé de clientèle" }) });
export const tnsDismissalBody = z.strictObject({
  reason: text(1000).min(1).meta({ title: "le motif pour écarter le statut TNS" }),
});
export const actionParams = z.strictObject({ actionId: z.uuid().meta({ title: "l'identifiant de l'action" }) });
export const campaignBody = z.strictObject({ month: month.optional() });

export const listQuery = z.object({
  assignee: z
    .union([z.enum(["me", "all"]), z.uuid()])
    .default("me")
    .meta({ title: "le chargé de clientèle" }),
  state: z
    .enum([...FOLLOWUP_STATES, "open"])
    .optional()
    .meta({ title: "l'étape" }),
  month: month.optional(),
  /** The follow-up of one client (there is at most one), for the client record's link to its call. */
  client: z.uuid().optional().meta({ title: "le client" }),
  limit: z.coerce.number().int().min(1).max(200).default(50).meta({ title: "le nombre de suivis" }),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).meta({ title: "le décalage" }),
});
export const measuresQuery = z.object({ from: month.optional(), to: month.optional() });
