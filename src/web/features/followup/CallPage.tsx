import type { ReactNode } from "react";
import { Link, useParams } from "react-router";
import { type FollowupBlock, isBlockOpen, MAIN_PATH, pathIndex } from "../../../modules/followup/rules/call-screen";
import { CLOSING_CRITERIA } from "../../../modules/followup/rules/closing";
import { type FollowupState, STATE_LABELS } from "../../../modules/followup/rules/workflow";
import { Icon } from "../../ui/Icon";
import { PageHeader } from "../../ui/PageHeader";
import { BackLink, RecordPage } from "../../ui/RecordPage";
import { useFollowup } from "./api";
import { CallAside } from "./CallAside";
import { ConductBlock } from "./ConductBlock";
import "./followup.css";
import { monthLabel } from "./labels";
import { PlanBlock } from "./PlanBlock";
import { PreparationBlock } from "./PreparationBlock";
import { ReboundBlock } from "./ReboundBlock";
import { StateBadge } from "./StateBadge";
import type { FollowupView } from "./types";

const back = <BackLink to="/courtier/appels-m3">Mes appels M+3</BackLink>;

/** Why a block is not open yet (the table is the workflow's: rules/call-screen.ts); null when it is. */
const LOCKED_UNTIL: Record<Exclude<FollowupBlock, "preparation">, string> = {
  conduite: "Lancez l'appel depuis la préparation du dossier",
  rebond:
    "Verrouillé jusqu'à la fin de la mise à jour de la fiche client et de la validation des contrats : le M+3 commence toujours par l'administratif",
  plan: "S'ouvre une fois le bilan commercial terminé",
};

function lockOf(block: Exclude<FollowupBlock, "preparation">, state: FollowupState): string | null {
  return isBlockOpen(block, state) ? null : `${LOCKED_UNTIL[block]} (étape actuelle : « ${STATE_LABELS[state]} »).`;
}

function Block({ n, title, lock, children }: { n: number; title: string; lock?: string | null; children: ReactNode }) {
  return (
    <section className={`card fu-block${lock ? " fu-block--locked" : ""}`} aria-labelledby={`block-${n}`} data-testid={`block-${n}`}>
      <div className="card__title-row">
        <h2 id={`block-${n}`}>
          <span className="fu-block__number">{n}</span> {title}
        </h2>
        {lock && <span className="badge">Verrouillé</span>}
      </div>
      {lock && (
        <p className="fu-lock">
          <Icon name="shield" /> {lock}
        </p>
      )}
      {children}
    </section>
  );
}

/** A closed follow-up is the record of the call: shown as it was, nothing left to press. */
function ReadOnlyWhenClosed({ view, children }: { view: FollowupView; children: ReactNode }) {
  if (view.state !== "closed") return children;
  return (
    <fieldset disabled className="fu-readonly">
      {children}
    </fieldset>
  );
}

/** The commercial part, greyed out until the admin steps are done: what will be proposed, nothing to press yet. */
function LockedRebound({ view }: { view: FollowupView }) {
  return (
    <ul className="fu-history">
      {view.gaps.map((g) => (
        <li key={g.productLine}>
          <strong>{g.productLabel}</strong> — {g.why}
        </li>
      ))}
    </ul>
  );
}

function LockedPlan() {
  return (
    <ul className="fu-history">
      <li>Actions datées : devis, rendez-vous, relances, chacune avec son échéance et son responsable</li>
      {CLOSING_CRITERIA.map((c) => (
        <li key={c.key}>{c.label}</li>
      ))}
    </ul>
  );
}

export function CallPage() {
  const { id = "" } = useParams();
  return (
    <RecordPage
      query={useFollowup(id)}
      title="Appel M+3"
      back={back}
      loadingLabel="Chargement de l'appel…"
      notFound="Ce suivi M+3 est introuvable."
    >
      {(view) => <CallScreen view={view} />}
    </RecordPage>
  );
}

function CallScreen({ view }: { view: FollowupView }) {
  const variant = view.script.variant;
  return (
    <>
      <PageHeader
        title={`Appel M+3 — ${view.client.displayName}`}
        back={back}
        actions={
          <>
            <Link className="button button--secondary" to={`/courtier/clients/${view.client.id}`}>
              <Icon name="book" /> Fiche client
            </Link>
            <a className="button button--secondary" href={`/api/v1/followups/${view.id}/pocket-guide.pdf`} target="_blank" rel="noopener">
              <Icon name="file" /> Guide de poche (PDF)
            </a>
          </>
        }
        subtitle={
          <span className="inline-list">
            <StateBadge state={view.state} />
            <span>Campagne de {monthLabel(view.cohortMonth)}</span>
            <span>
              {variant.seller === "agent"
                ? "Vous avez vendu le premier contrat"
                : `Premier contrat vendu par ${variant.sellerName ?? "un collègue"}`}
            </span>
            {variant.availability === "callback" && <span>Rappel convenu avec le client</span>}
          </span>
        }
      />
      <ol className="fu-stepper" aria-label="Étapes de l'appel">
        {MAIN_PATH.map((s) => (
          <li
            key={s}
            className={
              pathIndex(view.state) > pathIndex(s) || view.state === "closed"
                ? "is-done"
                : pathIndex(view.state) === pathIndex(s)
                  ? "is-current"
                  : ""
            }
          >
            {s === "contact_attempt" && view.state === "scheduled_callback" ? STATE_LABELS.scheduled_callback : STATE_LABELS[s]}
          </li>
        ))}
      </ol>
      <div className="fu-layout">
        <div className="fu-main">
          <Block n={1} title="Préparation du dossier">
            <PreparationBlock view={view} />
          </Block>
          <Block n={2} title="Conduite d'appel" lock={lockOf("conduite", view.state)}>
            <ReadOnlyWhenClosed view={view}>
              <ConductBlock view={view} />
            </ReadOnlyWhenClosed>
          </Block>
          <Block n={3} title="Rebond commercial" lock={lockOf("rebond", view.state)}>
            {lockOf("rebond", view.state) ? (
              <LockedRebound view={view} />
            ) : (
              <ReadOnlyWhenClosed view={view}>{<ReboundBlock view={view} />}</ReadOnlyWhenClosed>
            )}
          </Block>
          <Block n={4} title="Plan d'actions" lock={lockOf("plan", view.state)}>
            {lockOf("plan", view.state) ? <LockedPlan /> : <PlanBlock view={view} />}
          </Block>
        </div>
        <CallAside view={view} />
      </div>
    </>
  );
}
