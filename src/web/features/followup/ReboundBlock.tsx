import { useState } from "react";
import { type ProductLine, productLineLabel } from "../../../modules/crm/rules/product-lines";
import { NEED_KIND_LABELS } from "../../../modules/followup/rules/gap-rules";
import {
  MAX_RETAINED_GAPS,
  REBOUND_ANSWER_OPTIONS,
  type ReboundAnswer,
  type ReboundLineAnswer,
} from "../../../modules/followup/rules/model";
import { Alert } from "../../ui/Alert";
import { EventBar } from "./EventBar";
import { ScriptStepView } from "./ScriptStepView";
import type { FollowupView } from "./types";
import { useRecord } from "./use-fire";

/** The protections to go through when the client has not named them himself (spec 002 §4.5). */
const USUAL_LINES: ProductLine[] = ["auto", "habitation", "sante", "prevoyance", "protection_juridique", "gav", "per", "assurance_vie"];

/**
 * Block 3: the pivot question, the inventory "chez nous / ailleurs" line by line, and the gaps to keep
 * for this call (three at most, the spec's guard-rail against a sales pitch), with their "why".
 */
export function ReboundBlock({ view }: { view: FollowupView }) {
  const { record, error, fields, pending } = useRecord(view);
  const saved = view.recorded.rebound;
  const ours = new Set(view.contracts.filter((c) => c.isOurs).map((c) => c.productLine));
  const lines = [
    ...new Set<ProductLine>([...view.gaps.map((g) => g.productLine), ...USUAL_LINES, ...(saved?.lines ?? []).map((l) => l.productLine)]),
  ].filter((l) => !ours.has(l));
  const [answers, setAnswers] = useState<Record<string, ReboundLineAnswer>>(
    Object.fromEntries((saved?.lines ?? []).map((l) => [l.productLine, l])),
  );
  const [none, setNone] = useState(saved?.noOtherInsurer ?? false);
  const [retained, setRetained] = useState<ProductLine[]>([...(saved?.retainedGaps ?? [])]);
  const steps = view.script.steps.filter((s) => s.block === "rebond");
  const toggle = (line: ProductLine) => setRetained(retained.includes(line) ? retained.filter((l) => l !== line) : [...retained, line]);
  const full = retained.length >= MAX_RETAINED_GAPS;
  const answer = (line: ProductLine, value: ReboundAnswer) =>
    setAnswers({ ...answers, [line]: { ...answers[line], productLine: line, answer: value } });

  return (
    <>
      {steps.map((s) => (
        <ScriptStepView key={s.id} step={s} />
      ))}
      <h3>Suggestions : les manques prioritaires</h3>
      <div className="fu-rows">
        {view.gaps.length === 0 && <p className="muted">Aucun manque évident au regard de la fiche.</p>}
        {view.gaps.map((g) => (
          <div key={g.productLine} className={`fu-gap${retained.includes(g.productLine) ? " is-retained" : ""}`}>
            <strong>
              {g.productLabel} <span className={`badge ${g.kind === "generic" ? "" : "badge--info"}`}>{NEED_KIND_LABELS[g.kind]}</span>
            </strong>
            <span className="fu-hint">Pourquoi : {g.why}</span>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={retained.includes(g.productLine)}
                disabled={!retained.includes(g.productLine) && full}
                onChange={() => toggle(g.productLine)}
              />{" "}
              Retenir ce manque
            </label>
          </div>
        ))}
      </div>
      <h3>Contrats chez nous / ailleurs</h3>
      <p className="fu-hint">Chez nous : {[...ours].map(productLineLabel).join(", ") || "aucun"}.</p>
      <label className="checkbox">
        <input type="checkbox" checked={none} onChange={(e) => setNone(e.target.checked)} /> Aucun autre assureur
      </label>
      <div className="fu-rows">
        {lines.map((line) => {
          const a = answers[line];
          return (
            <div key={line} className="fu-row fu-row--rebound" data-testid={`rebound-${line}`}>
              <span className="fu-row__label">{productLineLabel(line)}</span>
              <fieldset className="fu-choice">
                <legend className="visually-hidden">{productLineLabel(line)}</legend>
                {REBOUND_ANSWER_OPTIONS.map((o) => (
                  <button
                    key={o.value}
                    type="button"
                    className="button button--secondary button--small"
                    aria-pressed={a?.answer === o.value}
                    onClick={() => answer(line, o.value)}
                  >
                    {o.label}
                  </button>
                ))}
              </fieldset>
              <span>
                {a?.answer === "elsewhere" ? (
                  <input
                    aria-label={`Assureur : ${productLineLabel(line)}`}
                    placeholder="Assureur"
                    className="input"
                    value={a.insurerName ?? ""}
                    onChange={(e) => setAnswers({ ...answers, [line]: { ...a, insurerName: e.target.value } })}
                  />
                ) : (
                  a &&
                  !view.gaps.some((g) => g.productLine === line) && (
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={retained.includes(line)}
                        disabled={!retained.includes(line) && full}
                        onChange={() => toggle(line)}
                      />{" "}
                      Retenir
                    </label>
                  )
                )}
              </span>
            </div>
          );
        })}
      </div>
      <p className={full ? "fu-hint" : "muted"}>
        {retained.length} manque{retained.length > 1 ? "s" : ""} retenu{retained.length > 1 ? "s" : ""} sur {MAX_RETAINED_GAPS} au maximum
        par appel
        {retained.length > 0 && ` : ${retained.map(productLineLabel).join(", ")}`}.
      </p>
      {fields.retainedGaps && (
        <p className="field__error" role="alert">
          {fields.retainedGaps}
        </p>
      )}
      <div className="fu-events">
        <button
          type="button"
          className="button button--secondary"
          disabled={pending}
          onClick={() => record("rebound", { lines: Object.values(answers), noOtherInsurer: none, retainedGaps: retained }, "PUT")}
        >
          Enregistrer le bilan
        </button>
      </div>
      {error && !fields.retainedGaps && <Alert kind="error">{error}</Alert>}
      <EventBar view={view} events={["rebound_done"]} />
    </>
  );
}
