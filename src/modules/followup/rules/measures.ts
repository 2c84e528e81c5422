/** One line of the M+3 measures (a month, an agency, an account manager, or the total): server and web share it. */
export interface MeasureRow {
  key: string | null;
  label: string;
  due: number;
  notStarted: number;
  inProgress: number;
  closed: number;
  reached: number;
  qualified: number;
  /** Contracts of ours per client when the follow-up was created, and now. */
  contractsBefore: number;
  contractsNow: number;
  /** Share of clients with 2+ / 3+ contracts of ours ("taux d'équipement"), before and now. */
  multi2Before: number;
  multi3Before: number;
  multi2Now: number;
  multi3Now: number;
  /** Gaps retained during the rebound: the commercial opportunities. */
  opportunities: number;
  quotes: number;
  overdueActions: number;
}
