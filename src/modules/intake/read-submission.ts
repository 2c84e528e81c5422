import type { z } from "zod";
import { type LeadSubmission, leadSubmissionSchema } from "./rules/lead-submission";
import { type RejectionReason, reason } from "./rules/rejection";

const EXPECTED: Record<string, string> = {
  string: "texte attendu",
  boolean: "true ou false attendu",
  object: "objet attendu",
  record: "objet attendu",
};

function detail(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return EXPECTED[issue.expected] ?? `type attendu : ${issue.expected}`;
    case "too_big":
      return `${Number(issue.maximum).toLocaleString("fr-FR")} caractères au plus`;
    case "invalid_value":
      return `valeur attendue : ${issue.values.map((v) => JSON.stringify(v)).join(" ou ")}`;
    default:
      return "valeur illisible";
  }
}

/** The value with the entry at `path` left out; the containers on the way are copied, the rest shared. */
function without(value: unknown, path: PropertyKey[]): unknown {
  const [key, ...rest] = path;
  if (key === undefined || value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const { [key]: inner, ...others } = value as Record<PropertyKey, unknown>;
  return rest.length === 0 ? others : { ...others, [key]: without(inner, rest) };
}

/**
 * A JSON object read as a lead, leniently: a known value of the wrong type or over its length is a
 * `field_invalid` reason and is left out of the reading, as if absent; the object itself is kept whole
 * in the payload. Unknown keys are not read (they stay in the payload).
 */
export function readSubmission(value: object): { submission: LeadSubmission; reasons: RejectionReason[] } {
  const first = leadSubmissionSchema.safeParse(value);
  if (first.success) return { submission: first.data, reasons: [] };
  const reasons = first.error.issues.map((issue) => reason("field_invalid", issue.path.join("."), detail(issue)));
  const cleaned = first.error.issues.reduce<unknown>((v, issue) => without(v, issue.path), value);
  // Every key of the schema is optional: once the faulty values are out, the reading succeeds.
  return { submission: leadSubmissionSchema.parse(cleaned), reasons };
}
