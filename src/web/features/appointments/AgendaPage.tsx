import { useSearchParams } from "react-router";
import { STATUS_LABELS } from "../../../modules/appointments/rules/format";
import { addToIsoDate, isIsoDate } from "../../../modules/catalogue/rules/dates";
import { errorMessage } from "../../api/client";
import { PageHeader } from "../../ui/PageHeader";
import { productLabel } from "../../ui/products";
import { ErrorState, LoadingState } from "../../ui/States";
import { useToast } from "../../ui/Toasts";
import { type Appointment, useCalendar, useRecordOutcome } from "./api";

const DAY = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", weekday: "long", day: "numeric", month: "long" });
const TIME = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" });
const PARIS_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

const BADGE: Record<Appointment["status"], string> = {
  requested: "badge",
  confirmed: "badge badge--info",
  withdrawn: "badge badge--danger",
  honored: "badge badge--success",
  no_show: "badge badge--warning",
};

/** The brokerage's qualified appointments, one week at a time (Monday to Friday, Paris time). */
export function AgendaPage() {
  // The week shown is in the address (?semaine=2026-12-07): a reload, the back button or a shared link keep it.
  const [params, setParams] = useSearchParams();
  const asked = params.get("semaine");
  const week = asked && isIsoDate(asked) ? asked : undefined;
  const setWeek = (next: string | undefined) => setParams(next ? { semaine: next } : {});
  const calendar = useCalendar(week);
  const outcome = useRecordOutcome();
  const toast = useToast();
  const monday = calendar.data?.monday;
  const days = monday ? [0, 1, 2, 3, 4].map((i) => addToIsoDate(monday, 0, i)) : [];
  const record = (a: Appointment, status: "honored" | "no_show") =>
    outcome.mutate(
      { leadId: a.leadId, status },
      {
        onSuccess: () => toast.success(status === "honored" ? "RDV marqué honoré." : "RDV marqué non honoré."),
        onError: (e) => toast.error(errorMessage(e)),
      },
    );

  return (
    <>
      <PageHeader
        title="Agenda des RDV"
        subtitle="Vos rendez-vous qualifiés, confirmés au prospect. Après l'heure du rendez-vous, dites s'il a été honoré."
        actions={
          monday && (
            <div className="agenda-nav">
              <button type="button" className="button button--secondary button--small" onClick={() => setWeek(addToIsoDate(monday, 0, -7))}>
                ← Semaine précédente
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => setWeek(undefined)}>
                Cette semaine
              </button>
              <button type="button" className="button button--secondary button--small" onClick={() => setWeek(addToIsoDate(monday, 0, 7))}>
                Semaine suivante →
              </button>
            </div>
          )
        }
      />
      {calendar.isPending && <LoadingState />}
      {calendar.isError && <ErrorState error={calendar.error} onRetry={() => calendar.refetch()} />}
      {calendar.data && (
        <div className="agenda" data-testid="agenda">
          {days.map((day) => {
            const items = calendar.data.items.filter((a) => PARIS_DAY.format(new Date(a.slot)) === day);
            return (
              <section key={day} className="agenda__day card" aria-label={DAY.format(new Date(`${day}T12:00:00Z`))}>
                <h2 className="agenda__date">{DAY.format(new Date(`${day}T12:00:00Z`))}</h2>
                {items.length === 0 && <p className="muted">Aucun RDV</p>}
                {items.map((a) => (
                  <article key={a.leadId} className="agenda__rdv" data-lead={a.leadId}>
                    <div className="agenda__time">
                      <strong>{TIME.format(new Date(a.slot))}</strong> <span className={BADGE[a.status]}>{STATUS_LABELS[a.status]}</span>
                    </div>
                    <div>
                      {a.firstName} {a.lastName} · {productLabel(a.product)}
                    </div>
                    <div className="muted">
                      {a.channel === "visio" ? "Visio" : "Téléphone"} · {a.phone}
                    </div>
                    {a.visioUrl && (
                      <a href={a.visioUrl} target="_blank" rel="noopener">
                        Rejoindre la visio
                      </a>
                    )}
                    {(a.status === "confirmed" || a.status === "honored" || a.status === "no_show") && new Date(a.slot) <= new Date() && (
                      <div className="agenda__actions">
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={a.status === "honored" || outcome.isPending}
                          onClick={() => record(a, "honored")}
                        >
                          Honoré
                        </button>
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          disabled={a.status === "no_show" || outcome.isPending}
                          onClick={() => record(a, "no_show")}
                        >
                          Non honoré
                        </button>
                      </div>
                    )}
                  </article>
                ))}
              </section>
            );
          })}
        </div>
      )}
    </>
  );
}
