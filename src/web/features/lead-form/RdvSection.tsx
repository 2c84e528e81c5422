import { useMemo } from "react";
import { MAX_AVAILABILITIES, offeredSlots } from "../../../modules/appointments/rules/slots";
import type { ConsentText } from "../../api/consent-texts";
import { Field } from "../../ui/Field";
import type { FieldErrors, RdvState } from "./form-state";

const DAY = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", weekday: "long", day: "numeric", month: "long" });

interface Props {
  rdv: RdvState;
  text: ConsentText | undefined;
  errors: FieldErrors;
  onChange(rdv: RdvState): void;
}

/** For a product sold as RDV: the prospect's slots, channel, confirmation mode and reinforced consent (spec §5). */
export function RdvSection({ rdv, text, errors, onChange }: Props) {
  const days = useMemo(() => offeredSlots(new Date(), { days: 5 }), []);
  const toggle = (at: string) =>
    onChange({
      ...rdv,
      slots: rdv.slots.includes(at) ? rdv.slots.filter((s) => s !== at) : [...rdv.slots, at].slice(0, MAX_AVAILABILITIES),
    });
  return (
    <section className="card form-section" aria-labelledby="section-rdv">
      <h2 id="section-rdv">RDV qualifié</h2>
      <label className="checkbox">
        <input type="checkbox" checked={rdv.enabled} onChange={(e) => onChange({ ...rdv, enabled: e.target.checked })} />
        Le prospect demande un rendez-vous (RDV qualifié)
      </label>
      {rdv.enabled && (
        <>
          <fieldset className="field">
            <legend className="field__label">Disponibilités du prospect (1 à {MAX_AVAILABILITIES} créneaux, heure de Paris)</legend>
            {days.map((d) => (
              <div key={d.day} className="rdv-day">
                <span className="rdv-day__label">{DAY.format(new Date(`${d.day}T12:00:00Z`))}</span>
                <div className="rdv-slots">
                  {d.slots.map((s) => (
                    <label key={s.at} className="checkbox rdv-slot">
                      <input type="checkbox" checked={rdv.slots.includes(s.at)} onChange={() => toggle(s.at)} />
                      {s.label}
                    </label>
                  ))}
                </div>
              </div>
            ))}
            {errors["appointment.availabilities"] && <p className="field__error">{errors["appointment.availabilities"]}</p>}
          </fieldset>
          <Field id="rdv-channel" label="Canal du rendez-vous" required error={errors["appointment.channel"]}>
            {(c) => (
              <select
                {...c}
                className="input input--medium"
                value={rdv.channel}
                onChange={(e) => onChange({ ...rdv, channel: e.target.value as RdvState["channel"] })}
              >
                <option value="">Choisir…</option>
                <option value="telephone">Téléphone</option>
                <option value="visio">Visio</option>
              </select>
            )}
          </Field>
          <Field id="rdv-confirmation" label="Confirmation au prospect" required error={errors["appointment.confirmation"]}>
            {(c) => (
              <select
                {...c}
                className="input input--medium"
                value={rdv.confirmation}
                onChange={(e) => onChange({ ...rdv, confirmation: e.target.value as RdvState["confirmation"] })}
              >
                <option value="">Choisir…</option>
                <option value="email">E-mail</option>
                <option value="sms">SMS (mobile)</option>
              </select>
            )}
          </Field>
          <div className="consent-box">
            {text ? (
              <>
                <p className="consent-box__meta">
                  Consentement renforcé — version <strong>{text.version}</strong>
                </p>
                <p>{text.body}</p>
              </>
            ) : (
              <p>Aucun texte de consentement renforcé publié : l'opérateur doit en publier un (version « RDV-… »).</p>
            )}
            <label className="checkbox">
              <input
                type="checkbox"
                checked={rdv.consentConfirmed}
                onChange={(e) => onChange({ ...rdv, consentConfirmed: e.target.checked })}
              />
              Le prospect a accepté ce consentement renforcé (transmission à un courtier et rendez-vous)
            </label>
            {errors["appointment.reinforcedConsent.accepted"] && (
              <p className="field__error">{errors["appointment.reinforcedConsent.accepted"]}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
