/**
 * "Now" is an input. Whatever depends on the date is handed a clock (or the instant it read from one),
 * never the system's deep inside: tests pick their day, and CI also runs the suite under faked dates.
 * The real clock is created once, where the process starts (src/server/start.ts).
 */
export type Clock = () => Date;

/** The system's clock: only process edges (main, test and bench harnesses) hand it out. */
export const systemClock: Clock = () => new Date();
