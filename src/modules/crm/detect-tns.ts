import { findNaf } from "../reference-data";
import type { ClientRecord } from "./rules/client-model";
import { type TnsDetection, tnsDetection } from "./rules/tns";

/** The shared TNS detection, with the official label of the NAF code (the nomenclature stays on the server). */
export function detectTns(client: ClientRecord): TnsDetection | null {
  return tnsDetection(client, { nafLabel: client.nafCode ? (findNaf(client.nafCode)?.label ?? null) : null });
}
