import { describe, expect, it } from "vitest";
import { checkpointSigned, signCheckpoint } from "./checkpoints";
import { checkEventMac, signEvent } from "./event-mac";
import { newKeyEntry, parseEvidenceKeys } from "./evidence-keys";

const event = {
  occurredAt: new Date("2027-01-31T22:30:00.000Z"),
  orgId: "0190F5C2-7A1B-7C3D-9E4F-5A6B7C8D9E0F",
  userId: null,
  apiKeyId: null,
  action: "lead.accepted",
  entityType: "lead",
  entityId: "x",
  data: { b: 1, a: [1, { d: null, c: "é" }] },
};

describe("evidence keys", () => {
  it("reads id:secret entries, one per line or separated by commas, comments aside; the last one signs", () => {
    const [a, b] = [newKeyEntry("2026-a"), newKeyEntry("2027_b")];
    const keys = parseEvidenceKeys(`# clés, dans l'ordre\n${a} # ancienne, gardée pour vérifier\n\n${b}`, "fichier");
    expect([...keys.byId.keys()]).toEqual(["2026-a", "2027_b"]);
    expect(keys.signing.id).toBe("2027_b");
    expect(parseEvidenceKeys(`${a},${b}`, "env").signing.id).toBe("2027_b");
  });

  it("refuses what is not a usable key, naming it", () => {
    expect(() => parseEvidenceKeys("", "AUDIT_KEYS")).toThrow(/AUDIT_KEYS : aucune clé/);
    expect(() => parseEvidenceKeys("bad id:abc", "f")).toThrow(/identifiant de clé « bad id » invalide/);
    expect(() => parseEvidenceKeys(`k:${Buffer.alloc(16).toString("base64")}`, "f")).toThrow(/32 octets au moins/);
    const entry = newKeyEntry("k");
    expect(() => parseEvidenceKeys(`${entry}\n${entry}`, "f")).toThrow(/« k » figure deux fois/);
  });

  it("after a rotation, events and checkpoints signed by the old key still verify while it stays in the keyring", () => {
    const old = newKeyEntry("old");
    const before = parseEvidenceKeys(old, "v1");
    const after = parseEvidenceKeys(`${old}\n${newKeyEntry("new")}`, "v2");
    const mac = signEvent(before, event, JSON.stringify({ a: [1, { c: "é", d: null }], b: 1 }));
    expect(mac).toMatch(/^old\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    // The stored row gives its uuids in lower case and its data in any key order: the MAC holds.
    const stored = { ...event, orgId: event.orgId.toLowerCase(), mac };
    expect(checkEventMac(after, stored)).toBe("ok");
    expect(checkEventMac(parseEvidenceKeys(newKeyEntry("new"), "v3"), stored)).toBe("unknown_key");
    expect(signEvent(after, event, "{}")).toMatch(/^new\./);
    const checkpoint = signCheckpoint(before, { chain: "c", position: 12, hash: "h", at: event.occurredAt });
    expect(checkpointSigned(after, checkpoint)).toBe(true);
    expect(checkpointSigned(after, { ...checkpoint, position: 13 })).toBe(false);
  });

  it("gives each event its own MAC, so a copied row shows as a replay", () => {
    const keys = parseEvidenceKeys(newKeyEntry("k"), "t");
    expect(signEvent(keys, event, "{}")).not.toBe(signEvent(keys, event, "{}"));
  });
});
