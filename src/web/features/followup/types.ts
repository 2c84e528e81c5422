import type { ChecklistItem, PreparationItem, ReviewStatus } from "../../../modules/crm/rules/checklist";
import type { ClientRecord } from "../../../modules/crm/rules/client-model";
import type { ClientContract, ContractValidation, MissingItem } from "../../../modules/crm/rules/contract-compliance";
import type { ProductLine } from "../../../modules/crm/rules/product-lines";
import type { TnsDetection, TnsResolution } from "../../../modules/crm/rules/tns";
import type { ClosingCriteriaRecord, ClosingCriterionKey } from "../../../modules/followup/rules/closing";
import type { GapMatch } from "../../../modules/followup/rules/gap-engine";
import type { MeasureRow } from "../../../modules/followup/rules/measures";
import type { ActionKind, ReboundRecord } from "../../../modules/followup/rules/model";
import type { ScriptStep } from "../../../modules/followup/rules/script";
import type { AvailableEvent, FollowupBlock, FollowupState } from "../../../modules/followup/rules/workflow";

/** What GET /api/v1/followups/:id answers (dates as ISO strings, as they travel). */

export interface StoredReview {
  status: ReviewStatus;
  before?: unknown;
  after?: unknown;
  by: string;
  at: string;
}

export interface ViewClient extends ClientRecord {
  id: string;
  displayName: string;
  companyName: string | null;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  agencyName: string | null;
  accountManagerName: string | null;
}

export interface ViewContract extends ClientContract {
  productLabel: string;
  sellerName: string | null;
  premiumCents: number | null;
  proposedMissingItems: MissingItem[];
}

export interface ViewAction {
  id: string;
  kind: ActionKind;
  origin: "action_plan" | "callback";
  productLine: ProductLine | null;
  dueDate: string;
  ownerId: string;
  ownerName: string | null;
  note: string | null;
  status: "open" | "done" | "cancelled";
}

export interface HistoryEntry {
  id: number;
  at: string;
  kind: string;
  fromState: FollowupState | null;
  toState: FollowupState | null;
  overrideReason: string | null;
  userName: string | null;
  data: Record<string, unknown>;
}

export interface TeamMember {
  id: string;
  name: string;
  firstName: string;
  agencyId: string | null;
  handlesProfessionals: boolean;
}

export interface FollowupView {
  id: string;
  state: FollowupState;
  stateLabel: string;
  block: FollowupBlock;
  version: number;
  cohortMonth: string;
  firstContractStart: string;
  contractsAtStart: number;
  assignedTo: { id: string; name: string | null } | null;
  callbackAt: string | null;
  reachedAt: string | null;
  closedAt: string | null;
  canOverride: boolean;
  availableEvents: AvailableEvent[];
  client: ViewClient;
  contracts: ViewContract[];
  preparation: PreparationItem[];
  checklist: (ChecklistItem & { value: unknown; review: StoredReview | null })[];
  recordFullyQualified: boolean;
  tns: {
    /** A TNS the record does not say yet, with why it is thought so. */
    detection: TnsDetection | null;
    /** Still to settle before the rebound. */
    required: boolean;
    resolution: TnsResolution | null;
    currentManagerId: string | null;
    proposedManagerId: string | null;
    options: { id: string; name: string; agencyName: string }[];
  };
  script: {
    variant: {
      seller: "agent" | "colleague";
      sellerName: string | null;
      availability: "available" | "callback";
      callbackAt: string | null;
    };
    steps: (ScriptStep & { status: "done" | "current" | "upcoming" | "skipped" })[];
  };
  gaps: GapMatch[];
  recorded: {
    contractValidations: ContractValidation[];
    rebound: ReboundRecord | null;
    noActionReason: string | null;
    actions: ViewAction[];
    closing: ClosingCriteriaRecord;
    closingMissing: ClosingCriterionKey[];
  };
  team: { members: TeamMember[]; agencies: { id: string; name: string; brand: string | null }[] };
  history: HistoryEntry[];
}

export interface FollowupListItem {
  id: string;
  state: FollowupState;
  cohortMonth: string;
  callbackAt: string | null;
  reachedAt: string | null;
  closedAt: string | null;
  clientId: string;
  clientName: string;
  clientType: string;
  clientPhone: string | null;
  agencyName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  openActions: number;
}

export type { MeasureRow };

export interface Measures {
  from: string;
  to: string;
  total: MeasureRow;
  byMonth: MeasureRow[];
  byAgency: MeasureRow[];
  byManager: MeasureRow[];
}

export interface MyAction {
  id: string;
  followupId: string;
  kind: ActionKind;
  kindLabel: string;
  origin: "action_plan" | "callback";
  productLine: ProductLine | null;
  dueDate: string;
  note: string | null;
  clientId: string;
  clientName: string;
  clientPhone: string | null;
}
