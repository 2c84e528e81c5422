// What other modules may use of market; nothing else of this folder is imported from outside it.
export { startMarketWorker } from "./market-worker";
export { ensurePriceGrid } from "./price-grid";
export { marketRoutes } from "./routes";
/** Puts accepted leads on sale (the market worker does it in the app; other modules' tests stock their own). */
export { stockLeads } from "./stock-leads";
