/**
 * A server answer as the browser receives it: JSON turns every Date into its ISO string. The web derives
 * its types from the shared zod schemas through this, instead of restating the server's answers by hand.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;
