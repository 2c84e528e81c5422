import type { RouteModule } from "../../../platform/deps";
import { registerTopUpPurpose } from "../buy-top-up";
import { paymentProviderOf } from "../payments/provider-of";
import { identityRoutes } from "./identity-routes";
import { invoiceRoutes } from "./invoice-routes";
import { walletRoutes } from "./wallet-routes";
import { webhookRoutes } from "./webhook-routes";

/** Credits, card payments and invoices. */
export const billingRoutes: RouteModule = async (app, deps) => {
  const provider = paymentProviderOf(deps.config);
  registerTopUpPurpose(deps.config.seller);
  await walletRoutes(provider)(app, deps);
  await webhookRoutes(provider)(app, deps);
  await invoiceRoutes(app, deps);
  await identityRoutes(app, deps);
};
