import type { ClientRecord } from "../../shared/crm/client-model";
import { type TnsDetection, tnsDetection } from "../../shared/crm/tns";
import { findNaf } from "../reference-data";

/** The shared TNS detection, with the official label of the NAF code (the nomenclature stays on the server). */
export function detectTns(client: ClientRecord): TnsDetection | null {
  return tnsDetection(client, { nafLabel: client.nafCode ? (findNaf(client.nafCode)?.label ?? null) : null });
}
