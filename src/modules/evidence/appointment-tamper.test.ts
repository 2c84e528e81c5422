import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validRdv } from "../../../tests/factories/leads";
import { bearer } from "../../../tests/support/test-app";
import { systemClock } from "../../platform/clock";
import { DEMO_CONSENT_TEXT } from "../../seed/demo-consent-text";
import { publishConsentText } from "../consent";
import { appointmentFingerprint } from "../intake";
import { problemsOf, type TamperScenario, tamperScenario } from "./tamper-scenario";

// `npm run audit:verify` rechecks an RDV's request and reinforced consent against its journal event.
describe("an RDV's request and reinforced consent changed behind the application's back", () => {
  let s: TamperScenario;
  let leadId: string;
  beforeAll(async () => {
    s = await tamperScenario();
    const [text] = (
      (await s.ctx.db.execute(sql`select version from consent_texts order by published_at limit 1`)) as unknown as {
        rows: { version: string }[];
      }
    ).rows;
    const rdvVersion = (await publishConsentText(s.ctx.db, {}, { ...DEMO_CONSENT_TEXT, version: "RDV-TAMPER-1", title: "RDV" })).version;
    const res = await s.ctx.app.inject({
      method: "POST",
      url: "/api/v1/leads",
      headers: bearer(s.key),
      payload: validRdv(text?.version as string, rdvVersion, systemClock()),
    });
    expect(res.json().status, res.body).toBe("accepted");
    leadId = res.json().id;
    await s.seal();
  });
  afterAll(() => s.close());

  it("holds as written", async () => {
    expect(problemsOf(await s.verify(), leadId)).toEqual([]);
  });

  it("names the lead whose RDV channel was changed, even with the row's own fingerprint recomputed", async () => {
    await s.asAttacker(["lead_appointments"], async (tx) => {
      await tx.execute(sql`update lead_appointments set channel = 'visio' where lead_id = ${leadId}::uuid`);
    });
    const [row] = (
      (await s.ctx.db.execute(
        sql`select array_to_json(availabilities) as a, confirmation, consent_text_version, consent_text_sha256, consent_collected_at,
                   (select fingerprint from lead_consents where lead_id = ${leadId}::uuid) as k
              from lead_appointments where lead_id = ${leadId}::uuid`,
      )) as unknown as {
        rows: {
          a: string[];
          confirmation: string;
          consent_text_version: string;
          consent_text_sha256: string;
          consent_collected_at: string;
          k: string;
        }[];
      }
    ).rows;
    const forged = appointmentFingerprint(
      {
        leadId,
        availabilities: (row?.a ?? []).map((d) => new Date(d).toISOString()),
        channel: "visio",
        confirmation: row?.confirmation as string,
        consentTextVersion: row?.consent_text_version as string,
        consentTextSha256: row?.consent_text_sha256 as string,
        consentCollectedAt: new Date(row?.consent_collected_at as string).toISOString(),
      },
      row?.k as string,
    );
    await s.asAttacker(["lead_appointments"], async (tx) => {
      await tx.execute(sql`update lead_appointments set fingerprint = ${forged} where lead_id = ${leadId}::uuid`);
    });
    const report = await s.verify();
    expect(report.ok).toBe(false);
    expect(problemsOf(report, leadId).join(" ")).toContain("Rendez-vous qualifié modifié après son enregistrement");
  });
});
