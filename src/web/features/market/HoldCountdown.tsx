import { useEffect, useState } from "react";

/** Minutes and seconds left on a hold, ticking every second; calls onExpired once at zero. */
export function HoldCountdown({ until, onExpired }: { until: string; onExpired(): void }) {
  const [left, setLeft] = useState(() => Math.max(0, new Date(until).getTime() - Date.now()));
  useEffect(() => {
    const timer = window.setInterval(() => {
      const ms = Math.max(0, new Date(until).getTime() - Date.now());
      setLeft(ms);
      if (ms === 0) {
        window.clearInterval(timer);
        onExpired();
      }
    }, 1000);
    return () => window.clearInterval(timer);
  }, [until, onExpired]);
  const seconds = Math.ceil(left / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return (
    <span className="hold-countdown" role="timer" aria-label={`Réservation : ${text} restantes`}>
      {text}
    </span>
  );
}
