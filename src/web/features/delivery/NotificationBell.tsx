import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { formatDateTime } from "../../ui/format";
import { Icon } from "../../ui/Icon";
import { useMarkNotificationsRead, useNotifications } from "./api";
import "./delivery.css";

/** The broker's bell: unread count, the latest notices, "tout marquer comme lu". */
export function NotificationBell() {
  const notes = useNotifications();
  const markRead = useMarkNotificationsRead();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const unread = notes.data?.unread ?? 0;

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div className="bell" ref={box}>
      <button
        type="button"
        className="button button--ghost bell__button"
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={unread > 0 ? `Notifications : ${unread} non lue${unread > 1 ? "s" : ""}` : "Notifications"}
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="bell" />
        {unread > 0 && (
          <span className="bell__count" data-testid="bell-count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <section className="bell__panel" aria-label="Notifications">
          <header className="bell__head">
            <strong>Notifications</strong>
            {unread > 0 && (
              <button
                type="button"
                className="button button--ghost button--small"
                onClick={() => markRead.mutate()}
                disabled={markRead.isPending}
              >
                Tout marquer comme lu
              </button>
            )}
          </header>
          {notes.data && notes.data.items.length > 0 ? (
            <ul className="bell__list">
              {notes.data.items.map((n) => (
                <li key={n.id} className={n.unread ? "bell__item is-unread" : "bell__item"}>
                  {n.link ? (
                    <Link to={n.link} onClick={() => setOpen(false)}>
                      {n.title}
                    </Link>
                  ) : (
                    <span>{n.title}</span>
                  )}
                  <span className="bell__meta">
                    {n.body} · {formatDateTime(n.createdAt)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="bell__empty muted">Aucune notification pour l'instant. Chaque lead ou RDV reçu s'affichera ici.</p>
          )}
        </section>
      )}
    </div>
  );
}
