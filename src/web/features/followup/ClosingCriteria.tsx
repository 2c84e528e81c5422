import { useState } from "react";
import { CLOSING_CRITERIA, type ClosingCriteriaRecord, type ContactCardChannel } from "../../../modules/followup/rules/closing";
import { Alert } from "../../ui/Alert";
import type { FollowupView } from "./types";
import { useRecord } from "./use-fire";

const FIELDS = {
  dedicated_contact_known: "dedicatedContactKnown",
  contact_card_sent: "contactCardSent",
  record_fully_qualified: "recordFullyQualified",
  risk_zones_aware: "riskZonesAware",
} as const;

/**
 * Spec 003 "la définition de la victoire": four criteria answered oui / non. The contact card one is
 * answered by sending the card (vCard by e-mail, or SMS), which the server records itself.
 */
export function ClosingCriteria({ view }: { view: FollowupView }) {
  const { record, error, fields, pending } = useRecord(view);
  // "Fiche 100 % qualifiée" follows the checklist: "Oui" is not offered while a point is not confirmed or modified.
  const unqualified = view.checklist.filter((i) => i.review?.status !== "confirmed" && i.review?.status !== "modified");
  const [version, setVersion] = useState<"4.0" | "3.0">("4.0");
  const closing = view.recorded.closing;
  const answer = (patch: ClosingCriteriaRecord) => record("closing-criteria", patch);
  const send = (channel: ContactCardChannel) => record("contact-card", { channel, version });
  return (
    <div className="fu-criteria">
      {CLOSING_CRITERIA.map((c) => {
        const field = FIELDS[c.key];
        const value = closing[field];
        return (
          <div
            key={c.key}
            className={`fu-criterion${field === "contactCardSent" ? " fu-criterion--card" : ""}`}
            data-testid={`criterion-${c.key}`}
          >
            <span>
              {c.label}
              {field === "contactCardSent" && value === true && (
                <span className="badge badge--success"> envoyée par {closing.contactCardChannel === "sms" ? "SMS" : "e-mail"}</span>
              )}
            </span>
            {field === "contactCardSent" ? (
              <span className="fu-choice">
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={pending || !view.client.email}
                  onClick={() => send("email")}
                >
                  Envoyer ma carte de contact par e-mail
                </button>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={pending || !view.client.phone}
                  onClick={() => send("sms")}
                >
                  par SMS
                </button>
                <select
                  aria-label="Version de la vCard"
                  className="input"
                  value={version}
                  onChange={(e) => setVersion(e.target.value as "4.0" | "3.0")}
                >
                  <option value="4.0">vCard 4.0</option>
                  <option value="3.0">vCard 3.0 (anciens téléphones)</option>
                </select>
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-pressed={value === false}
                  onClick={() => answer({ contactCardSent: false })}
                >
                  Refusée
                </button>
              </span>
            ) : (
              <fieldset className="fu-choice">
                <legend className="visually-hidden">{c.label}</legend>
                {[true, false].map((v) => (
                  <button
                    key={String(v)}
                    type="button"
                    className="button button--secondary button--small"
                    aria-pressed={value === v}
                    disabled={pending || (v && field === "recordFullyQualified" && unqualified.length > 0)}
                    onClick={() => answer({ [field]: v })}
                  >
                    {v ? "Oui" : "Non"}
                  </button>
                ))}
              </fieldset>
            )}
            {field === "recordFullyQualified" && unqualified.length > 0 && (
              <p className="fu-hint fu-criterion__why">
                « Oui » impossible : {unqualified.map((i) => `${i.label} (${i.review ? "non communiqué" : "non vérifié"})`).join(", ")}.
              </p>
            )}
            {fields[field] && (
              <p className="field__error fu-criterion__why" role="alert">
                {fields[field]}
              </p>
            )}
          </div>
        );
      })}
      {error && Object.keys(fields).length === 0 && <Alert kind="error">{error}</Alert>}
    </div>
  );
}
