// What other modules may use: the buyer check for every sale, the tables for SQL routing, the product rule.
export {
  assertMayBuy,
  type BuyerFacts,
  type BuyerProblem,
  type BuyerProblemCode,
  buyableScope,
  buyerFactsSql,
  buyerProblems,
  buyerProblemsOf,
  type LeadForSale,
} from "./check-buyer";
export { brokerRoutes } from "./routes";
export { INSURANCE_CATEGORIES, IOBSP_CATEGORIES, ORIAS_CATEGORIES, type OriasCategory } from "./rules/orias-categories";
export { consentCovers, PARTNER_CATEGORIES, type PartnerCategory } from "./rules/partner-categories";
export { oriasAllows, oriasCategoriesFor } from "./rules/product-eligibility";
export { brokerages, brokerInvitations } from "./schema";
export { seedDemoBrokerage } from "./seed-demo-brokerage";
