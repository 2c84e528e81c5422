import { useState } from "react";
import { CONTACT_CHANNEL_OPTIONS, type ContactChannel } from "../../../modules/followup/rules/contact";
import { formatPhone } from "../../ui/format";
import { FireOutcome } from "./EventBar";
import type { FollowupView } from "./types";
import { useFire } from "./use-fire";

/** French mobile ranges (06, 07) in E.164: the record's number says which line it is. */
const isMobile = (phone: string | null | undefined) => !!phone && /^\+33[67]/.test(phone);

/**
 * "Lancer l'appel" records the line the agent dials (spec 002 §5.3 "canal"): the record's number
 * preselects mobile or fixed line, and the agent says otherwise (visio, in the agency) before launching.
 * Without a number on the record nothing is preselected: the agent has to say how the client is reached.
 */
export function StartCall({ view }: { view: FollowupView }) {
  const fired = useFire(view);
  const phone = view.client.phone;
  const [channel, setChannel] = useState<ContactChannel | "">(phone ? (isMobile(phone) ? "mobile" : "phone") : "");
  const event = view.availableEvents.find((e) => e.event === "start_call");
  if (!event) return null;
  return (
    <div className="fu-events">
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (channel) fired.fire("start_call", { contact: { channel } });
        }}
      >
        <ChannelSelect
          label={`Ligne appelée${phone ? ` : ${formatPhone(phone)}` : " (aucun numéro sur la fiche)"}`}
          empty="Choisir…"
          value={channel}
          onChange={setChannel}
        />
        <button type="submit" className="button button--primary" disabled={fired.pending || !channel}>
          {event.label}
        </button>
      </form>
      <FireOutcome view={view} fired={fired} />
    </div>
  );
}

/** The line the client is reached on; the empty choice records none. */
export function ChannelSelect({
  label,
  empty,
  value,
  onChange,
}: {
  label: string;
  empty: string;
  value: ContactChannel | "";
  onChange(value: ContactChannel | ""): void;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value as ContactChannel | "")}>
        <option value="">{empty}</option>
        {CONTACT_CHANNEL_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
