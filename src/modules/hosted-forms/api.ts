import { z } from "zod";

/** What the supplier's space shows to embed the hosted forms: the supplier's code and, per product, the URLs and the iframe snippet. */
export const embedSchema = z.object({
  code: z.string(),
  items: z.array(
    z.object({
      product: z.string(),
      label: z.string(),
      url: z.string(),
      rdvUrl: z.string().nullable(),
      snippet: z.string(),
      rdvSnippet: z.string().nullable(),
    }),
  ),
});
export type EmbedView = z.infer<typeof embedSchema>;
