import type { FormEvent, ReactNode } from "react";

interface AuthPanelProps {
  title: string;
  /** A wider panel for a longer form ("signup__panel"). */
  className?: string;
  onSubmit(e: FormEvent): void;
  children: ReactNode;
  /** The line under the card: where to go instead (sign up, sign in). */
  footer: ReactNode;
}

/** The pages seen before signing in: the brand, then a form in a card, then a way elsewhere. */
export function AuthPanel({ title, className, onSubmit, children, footer }: AuthPanelProps) {
  return (
    <div className="login">
      <div className={`login__panel${className ? ` ${className}` : ""}`}>
        <div className="login__brand">
          <span className="brand-mark brand-mark--large" aria-hidden="true">
            LA
          </span>
          <div>
            <p className="login__name">LeadsAssurance</p>
            <p className="login__tagline">Leads et rendez-vous qualifiés, avec preuve de consentement</p>
          </div>
        </div>
        <form className="card login__card" onSubmit={onSubmit} noValidate>
          <h1>{title}</h1>
          {children}
        </form>
        <p className="login__footer">{footer}</p>
      </div>
    </div>
  );
}
