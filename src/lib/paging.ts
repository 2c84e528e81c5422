import { z } from "zod";

/**
 * Numbered pages of a long list (the marketplace, a brokerage's leads): the query's part, the answer's,
 * and the answer a route gives, which repeats the page it was asked for.
 */

export const pageQueryShape = {
  page: z.coerce.number().int().min(1).max(10_000).default(1).meta({ title: "la page" }),
  pageSize: z.coerce.number().int().min(1).max(100).default(25).meta({ title: "la taille de page" }),
};

/** A page of items; `totalCapped`: the count stopped at its ceiling, there are more. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    totalCapped: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export function pageAnswer<T extends object>(query: { page: number; pageSize: number }, found: T) {
  return { ...found, page: query.page, pageSize: query.pageSize };
}
