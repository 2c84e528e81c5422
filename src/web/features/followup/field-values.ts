import { LEGAL_FORM_OPTIONS, MARITAL_STATUS_OPTIONS, PROFESSIONAL_STATUS_OPTIONS } from "../../../modules/crm/rules/client-model";
import { formatEuros, formatPhone } from "../../ui/format";
import type { FollowupView } from "./types";

export interface FieldOption {
  value: string;
  label: string;
}

export type FieldInput = { kind: "text" | "email" | "tel" | "number" } | { kind: "select"; options: FieldOption[] } | { kind: "address" };

/** How a checklist field is edited inline ("Modifié"): the value lists come from the shared model and the team. */
export function inputFor(view: FollowupView, clientPath: string): FieldInput {
  switch (clientPath) {
    case "maritalStatus":
      return { kind: "select", options: [...MARITAL_STATUS_OPTIONS] };
    case "professionalStatus":
      return { kind: "select", options: [...PROFESSIONAL_STATUS_OPTIONS] };
    case "legalForm":
      return { kind: "select", options: [...LEGAL_FORM_OPTIONS] };
    case "agencyId":
      return { kind: "select", options: view.team.agencies.map((a) => ({ value: a.id, label: a.name })) };
    case "accountManagerId":
      return { kind: "select", options: view.team.members.map((m) => ({ value: m.id, label: m.name })) };
    case "mailingAddress":
      return { kind: "address" };
    case "annualRevenue":
    case "headcount":
      return { kind: "number" };
    case "email":
      return { kind: "email" };
    case "phone":
      return { kind: "tel" };
    default:
      return { kind: "text" };
  }
}

/** The value as the agent reads it back to the client. */
export function displayValue(view: FollowupView, clientPath: string, value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  const input = inputFor(view, clientPath);
  if (input.kind === "select") return input.options.find((o) => o.value === value)?.label ?? String(value);
  if (clientPath === "phone") return formatPhone(String(value));
  if (clientPath === "annualRevenue") return formatEuros(Number(value));
  return String(value);
}
