import { z } from "zod";

/** Response shapes of the supplier's reporting: the route validates and documents with them, the web derives its types. */

const saleChannel = z.enum(["exclusive", "marketplace"]);

export const leadStatsSchema = z.object({
  totals: z.object({ accepted: z.number(), rejected: z.number() }),
  byDay: z.array(z.object({ day: z.string(), accepted: z.number(), rejected: z.number() })),
  byProduct: z.array(z.object({ product: z.string(), accepted: z.number(), rejected: z.number() })),
  byReason: z.array(z.object({ code: z.string(), message: z.string(), count: z.number() })),
  /** How many of the period's leads sold, for how much (cents HT, at the sale price), by channel and by département. */
  sales: z.object({
    count: z.number().int(),
    revenueCents: z.number().int(),
    byChannel: z.array(z.object({ channel: saleChannel, sold: z.number().int(), revenueCents: z.number().int() })),
    byDepartement: z.array(
      z.object({ channel: saleChannel, departement: z.string().nullable(), sold: z.number().int(), revenueCents: z.number().int() }),
    ),
  }),
});
export type LeadStatsView = z.infer<typeof leadStatsSchema>;
