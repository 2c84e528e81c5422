// Every test process signs its journal with this key, as `start` does with the configured one.
import { installEvidenceKeys, parseEvidenceKeys } from "../../src/modules/audit/evidence-keys";

export const TEST_EVIDENCE_KEYS = `test-1:${Buffer.alloc(32, 7).toString("base64url")}`;

installEvidenceKeys(parseEvidenceKeys(TEST_EVIDENCE_KEYS, "clé de test"));
