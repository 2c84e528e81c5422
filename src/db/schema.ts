// Every table of the product, one import for Drizzle and drizzle-kit.
export * from "../modules/accounts/schema";
export * from "../modules/audit/schema";
export * from "../modules/brokers/schema";
export * from "../modules/consent/schema";
export * from "../modules/crm/schema";
export * from "../modules/followup/schema";
export * from "../modules/intake/schema";
export * from "../modules/notifications/schema";
