// Every table of the product, one import for Drizzle and drizzle-kit.
export * from "../modules/accounts/schema";
export * from "../modules/audit/schema";
export * from "../modules/consent/schema";
export * from "../modules/intake/schema";
