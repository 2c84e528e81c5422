import type { z } from "zod";
import type { Wire } from "../../../lib/wire";
import type {
  campaignAnswer,
  campaignRunsAnswer,
  FollowupView as FollowupViewAnswer,
  listAnswer,
  MeasureRow as MeasureRowAnswer,
  measuresAnswer,
  myActionsAnswer,
  writeAnswer,
} from "../../../modules/followup/api";

/** The follow-up API's answers as the browser receives them, derived from the shared schemas (modules/followup/api.ts). */

export type FollowupView = Wire<FollowupViewAnswer>;
export type ViewContract = FollowupView["contracts"][number];
export type HistoryEntry = FollowupView["history"][number];
export type FollowupList = Wire<z.infer<typeof listAnswer>>;
export type FollowupListItem = FollowupList["items"][number];
export type MeasureRow = Wire<MeasureRowAnswer>;
export type Measures = Wire<z.infer<typeof measuresAnswer>>;
export type MyActions = Wire<z.infer<typeof myActionsAnswer>>;
export type MyAction = MyActions["overdue"][number];
export type CampaignRuns = Wire<z.infer<typeof campaignRunsAnswer>>;
export type CampaignRun = Wire<z.infer<typeof campaignAnswer>>;
export type WriteAnswer = Wire<z.infer<typeof writeAnswer>>;
