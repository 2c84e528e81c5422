// What other modules may use of market; nothing else of this folder is imported from outside it.
export { startMarketWorker } from "./market-worker";
export { ensurePriceGrid } from "./price-grid";
export { marketRoutes } from "./routes";
export { stockLeads } from "./stock-leads";
