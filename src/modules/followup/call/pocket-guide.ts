import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/client";
import { rawRows } from "../../../platform/db/raw-rows";
import { effectiveClientType } from "../guard-context";
import { loadFollowup } from "../load-followup";
import type { GuideAudience, PocketGuideInput } from "../rules/pocket-guide";
import { pocketGuidePdf } from "./pocket-guide-pdf";

interface Viewer {
  orgId: string;
  orgName: string;
  userId: string | null;
}

/** The generic guide for a kind of client: agency and advisor left blank, to print for the whole team. */
export function genericPocketGuide(viewer: Viewer, audience: GuideAudience, now: Date): Promise<Uint8Array> {
  return pocketGuidePdf({ audience, now, orgName: viewer.orgName });
}

/**
 * The guide for the client of a call, opened from the call screen: the client's kind (a detected TNS
 * reads the TNS guide), the agency of the record and the advisor who is about to call.
 */
export async function pocketGuideForFollowup(db: Db, viewer: Viewer, id: string, now: Date): Promise<Uint8Array> {
  const agg = await loadFollowup(db, viewer.orgId, id);
  const { type, isTns } = effectiveClientType(agg);
  const result = await rawRows<{ agency: PocketGuideInput["agency"]; advisor: PocketGuideInput["advisor"] }>(
    db,
    sql`
    select (select json_build_object('name', a.name, 'brand', a.brand) from agencies a
             where a.org_id = ${viewer.orgId} and a.id = ${agg.client.agencyId ?? agg.followup.agencyId}) as agency,
           (select json_build_object('firstName', u.first_name, 'lastName', u.last_name) from users u
             where u.org_id = ${viewer.orgId} and u.id = ${viewer.userId}) as advisor`,
  );
  const names = result[0];
  return pocketGuidePdf({
    audience: isTns ? "tns" : type,
    agency: names?.agency ?? null,
    advisor: names?.advisor ?? null,
    now,
    orgName: viewer.orgName,
  });
}
