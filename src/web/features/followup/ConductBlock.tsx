import { useState } from "react";
import type { ContactChannel } from "../../../modules/followup/rules/contact";
import { Alert } from "../../ui/Alert";
import { formatDateTime, parisNowForInput } from "../../ui/format";
import { ContractReview } from "./ContractReview";
import { EventBar, FireOutcome } from "./EventBar";
import { ProfileReview } from "./ProfileReview";
import { ScriptStepView } from "./ScriptStepView";
import { ChannelSelect } from "./StartCall";
import { TnsBanner } from "./TnsBanner";
import type { FollowupView } from "./types";
import { useFire, useRecord } from "./use-fire";

/** Block 2 (spec 002 §6.1): the script step by step, with the answers recorded as the call goes. */
export function ConductBlock({ view }: { view: FollowupView }) {
  const steps = view.script.steps.filter((s) => s.block === "conduite");
  return (
    <>
      {steps.map((step) => (
        <ScriptStepView key={step.id} step={step}>
          {step.id === "authorisation" && <Availability view={view} />}
          {step.id === "callback" && <Callback view={view} />}
          {step.id === "profile_update" && (
            <>
              <TnsBanner view={view} />
              <ProfileReview view={view} />
              <EventBar view={view} events={["profile_done"]} />
            </>
          )}
          {step.id === "contract_validation" && (
            <>
              <TnsBanner view={view} compact />
              <ContractReview view={view} />
              <EventBar view={view} events={["contracts_done"]} />
            </>
          )}
        </ScriptStepView>
      ))}
    </>
  );
}

/** The line chosen when the call was launched, if any: the answer comes on the line that was dialled. */
function dialledChannel(view: FollowupView): ContactChannel | "" {
  const start = [...view.history].reverse().find((h) => h.kind === "transition" && h.data.event === "start_call");
  return ((start?.data.contact as { channel?: ContactChannel | null } | undefined)?.channel ?? "") as ContactChannel | "";
}

/** "Client disponible" / "Rappeler plus tard", with who answered and on which line (spec 002 §5.3). */
function Availability({ view }: { view: FollowupView }) {
  const fired = useFire(view);
  const { fire, pending } = fired;
  const [name, setName] = useState(view.client.displayName);
  const [channel, setChannel] = useState<ContactChannel | "">(dialledChannel(view));
  const [later, setLater] = useState(false);
  const [at, setAt] = useState("");
  // No line chosen, none recorded: the journal keeps only what the agent said.
  const contact = { name, channel: channel || null };
  return (
    <div className="fu-rows">
      <div className="inline-form">
        <label className="field">
          <span className="field__label">Personne jointe</span>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <ChannelSelect label="Canal" empty="Non précisé" value={channel} onChange={setChannel} />
      </div>
      <div className="fu-events">
        <button type="button" className="button button--primary" disabled={pending} onClick={() => fire("client_available", { contact })}>
          Client disponible
        </button>
        <button type="button" className="button button--secondary" disabled={pending} onClick={() => setLater(true)}>
          Rappeler plus tard
        </button>
      </div>
      {later && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            fire("client_unavailable", { contact, ...(at ? { callbackAt: new Date(at).toISOString() } : {}) });
          }}
        >
          <CallbackAtField id="callback-at" label="Date et heure du rappel" value={at} onChange={setAt} />
          <button type="submit" className="button button--primary" disabled={pending}>
            Programmer le rappel
          </button>
        </form>
      )}
      <FireOutcome view={view} fired={fired} />
    </div>
  );
}

/** The agreed callback: call now, or move it (its reminder action moves with it). */
function Callback({ view }: { view: FollowupView }) {
  const { record, error, pending } = useRecord(view);
  const [at, setAt] = useState("");
  return (
    <div className="fu-rows">
      <Alert kind="info" title={`Rappel programmé le ${formatDateTime(view.callbackAt)}`}>
        <p>Un rappel figure dans « Mes actions » du chargé de clientèle pour ce jour-là.</p>
      </Alert>
      <EventBar view={view} events={["callback_due"]} />
      <div>
        <button
          type="button"
          className="button button--ghost button--small"
          disabled={pending || !view.client.phone}
          onClick={() => record("contact-card", { channel: "sms" })}
        >
          Envoyer mes coordonnées par SMS d'ici là
        </button>
      </div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (at) record("callback", { callbackAt: new Date(at).toISOString() });
        }}
      >
        <CallbackAtField id="reschedule-at" label="Reporter le rappel au" value={at} onChange={setAt} />
        <button type="submit" className="button button--secondary" disabled={pending || !at}>
          Reporter
        </button>
      </form>
      {error && <Alert kind="error">{error}</Alert>}
    </div>
  );
}

/** When to call back, not before now in Paris. */
function CallbackAtField({ id, label, value, onChange }: { id: string; label: string; value: string; onChange(value: string): void }) {
  return (
    <label className="field" htmlFor={id}>
      <span className="field__label">{label}</span>
      <input
        id={id}
        className="input"
        type="datetime-local"
        min={parisNowForInput()}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
