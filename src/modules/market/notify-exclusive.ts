import { sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client";
import { rawRows } from "../../platform/db/raw-rows";
import { productBySlug } from "../catalogue/rules";
import type { Notifier } from "../notifications";
import type { ExclusiveSale } from "./route-leads";

/**
 * Tells each brokerage by e-mail which exclusive leads it just received (one message per brokerage and
 * routing round, to its admins). After the sale's commit: a mail cannot be rolled back, a failed one is
 * logged and the lead stays bought and visible in the app.
 */
export async function notifyExclusiveSales(db: Db, notifier: Notifier, sales: readonly ExclusiveSale[], appUrl: string | null) {
  const byOrg = new Map<string, ExclusiveSale[]>();
  for (const s of sales) byOrg.set(s.buyerOrgId, [...(byOrg.get(s.buyerOrgId) ?? []), s]);
  for (const [orgId, received] of byOrg) {
    const admins = await rawRows<{ email: string }>(
      db,
      sql`select email from users where org_id = ${orgId}::uuid and role = 'broker_admin' order by created_at limit 5`,
    );
    if (admins.length === 0) continue;
    const lines = received.map(
      (s) => `- ${productBySlug(s.product)?.label ?? s.product} : ${(s.priceCents / 100).toFixed(2).replace(".", ",")} € HT`,
    );
    await notifier.sendMail({
      to: admins.map((a) => a.email),
      subject: received.length === 1 ? "Nouveau lead exclusif reçu" : `${received.length} nouveaux leads exclusifs reçus`,
      text: [
        "Bonjour,",
        "",
        `Vos commandes viennent de recevoir ${received.length === 1 ? "un lead" : `${received.length} leads`} en exclusivité :`,
        ...lines,
        "",
        "Le montant a été prélevé sur vos crédits. Appelez vite : un lead se travaille dans l'heure.",
        appUrl ? `Vos commandes : ${appUrl}/courtier/commandes` : "",
        "",
        "LeadsAssurance",
      ].join("\n"),
      orgId,
      tag: "market.exclusive-received",
    });
  }
}
