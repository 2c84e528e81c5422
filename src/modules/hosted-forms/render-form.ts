import { Html, html, htmlPage } from "../../lib/html-page";
import { offeredSlots } from "../appointments/rules/slots";
import type { FieldDefinition, ProductDefinition } from "../catalogue/rules";
import { all, type FormBody, one } from "./rules/read-form";
import type { TextInForce } from "./texts-in-force";

export const STYLESHEET = "/f/assets/form.css";

export interface FormView {
  product: ProductDefinition;
  action: string;
  token: string;
  rdv: boolean;
  texts: { main: TextInForce; rdv: TextInForce | null };
  now: Date;
  /** What was sent, to fill the form again after a refusal. */
  values?: FormBody;
  /** Messages by field name ("contact.phone", "appointment.availabilities", "consent"…), and those tied to no field. */
  errors?: { byField: Map<string, string[]>; general: string[] };
  /** Why the page comes back when nothing is wrong with the answers (the page was already sent). */
  notice?: string;
}

const DAY = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", weekday: "long", day: "numeric", month: "long" });

export function renderForm(v: FormView): string {
  const value = (name: string) => (v.values ? (one(v.values, name) ?? "") : "");
  const errorsOf = (name: string) => [...(v.errors?.byField.get(name) ?? [])];
  const fieldErrors = (name: string) => errorsOf(name).map((m) => html`<span class="error">${m}</span>`);
  const input = (
    name: string,
    label: string,
    type: string,
    opts: { required?: boolean; auto?: string; mode?: string; max?: number } = {},
  ) =>
    html`<label class="field">${label}${opts.required ? html` <span class="req">*</span>` : ""}
<input type="${type}" name="${name}" value="${value(name)}"${opts.required ? new Html(" required") : ""}${opts.auto ? html` autocomplete="${opts.auto}"` : ""}${opts.mode ? html` inputmode="${opts.mode}"` : ""} maxlength="${opts.max ?? 200}">${fieldErrors(name)}</label>`;

  const all_errors = [...(v.errors?.general ?? []), ...[...(v.errors?.byField.values() ?? [])].flat()];
  const slotsChosen = new Set(v.values ? all(v.values, "appointment.availabilities") : []);
  const radio = (name: string, options: [string, string][]) =>
    html`<div class="choices">${options.map(
      ([val, label]) =>
        html`<label class="chip"><input type="radio" name="${name}" value="${val}" required${value(name) === val ? new Html(" checked") : ""}><span>${label}</span></label>`,
    )}</div>${fieldErrors(name)}`;

  const rdvBlock = v.rdv
    ? html`<fieldset><legend>Vos disponibilités pour le rendez-vous</legend>
<p class="intro">Choisissez 1 à 5 créneaux (heure de Paris) : un conseiller vous confirmera le premier disponible.</p>
${offeredSlots(v.now, { days: 5 }).map(
  (d) =>
    html`<p class="day">${DAY.format(new Date(`${d.day}T12:00:00Z`))}</p><div class="choices">${d.slots.map(
      (s) =>
        html`<label class="chip"><input type="checkbox" name="appointment.availabilities" value="${s.at}"${slotsChosen.has(s.at) ? new Html(" checked") : ""}><span>${s.label}</span></label>`,
    )}</div>`,
)}
${fieldErrors("appointment.availabilities")}
<p class="label">Le rendez-vous se fera</p>${radio("appointment.channel", [
        ["telephone", "Par téléphone"],
        ["visio", "En visio"],
      ])}
<p class="label">Confirmation du rendez-vous</p>${radio("appointment.confirmation", [
        ["email", "Par e-mail"],
        ["sms", "Par SMS"],
      ])}
</fieldset>`
    : "";

  const consentBox = (name: string, text: TextInForce, lead: string) => html`<div class="consent">
<label><input type="checkbox" name="${name}" value="oui"> <span>${lead}</span></label>
<p class="text">${text.body}</p>
<ul>${text.partners.map((p) => html`<li>${p}</li>`)}</ul>
<p class="version">Texte « ${text.title} », version ${text.version}</p>${fieldErrors(name)}</div>`;

  const body = html`<main class="card">
<h1>${v.product.label}${v.rdv ? " : prendre rendez-vous" : " : votre demande"}</h1>
<p class="intro">Gratuit et sans engagement. Les champs marqués * sont obligatoires.</p>
${v.notice ? html`<div class="notice" role="status">${v.notice}</div>` : ""}
${all_errors.length > 0 ? html`<div class="errors" role="alert"><strong>Votre demande n'a pas pu être enregistrée :</strong><ul>${all_errors.map((m) => html`<li>${m}</li>`)}</ul></div>` : ""}
<form method="post" action="${v.action}">
<input type="hidden" name="token" value="${v.token}">
<div class="hp" aria-hidden="true"><label>Ne pas remplir <input type="text" name="website" tabindex="-1" autocomplete="off"></label></div>
<fieldset><legend>Vos coordonnées</legend>
<div class="row2">${input("contact.firstName", "Prénom", "text", { required: true, auto: "given-name" })}${input("contact.lastName", "Nom", "text", { required: true, auto: "family-name" })}</div>
<div class="row2">${input("contact.phone", "Téléphone", "tel", { required: true, auto: "tel", mode: "tel" })}${input("contact.email", "E-mail", "email", { required: true, auto: "email" })}</div>
<div class="row2">${input("contact.postalCode", "Code postal", "text", { required: true, auto: "postal-code", mode: "numeric", max: 5 })}${input("contact.city", "Ville", "text", { required: true, auto: "address-level2" })}</div>
</fieldset>
<fieldset><legend>Votre projet</legend>
${v.product.fields.map((f) => productField(f, value(`fields.${f.key}`), fieldErrors(`fields.${f.key}`)))}
</fieldset>
${rdvBlock}
${consentBox("consent", v.texts.main, "J'accepte d'être contacté(e) au sujet de ma demande, selon le texte ci-dessous.")}
${v.rdv && v.texts.rdv ? consentBox("rdvConsent", v.texts.rdv, "J'accepte la transmission de mes coordonnées à un courtier partenaire et le rendez-vous, selon le texte ci-dessous.") : ""}
<button type="submit" class="primary">${v.rdv ? "Demander mon rendez-vous" : "Envoyer ma demande"}</button>
<p class="small">Vos données sont recueillies par LeadsAssurance ; la date, l'heure, votre adresse IP et votre navigateur sont enregistrés comme preuve de votre consentement.</p>
</form>
</main>`;
  return htmlPage({ title: `${v.product.label} — LeadsAssurance`, stylesheet: STYLESHEET, body });
}

function productField(f: FieldDefinition, current: string, errors: Html[]): Html {
  const req = f.required ? html` <span class="req">*</span>` : "";
  const required = f.required ? new Html(" required") : "";
  const help = f.help ? html`<span class="small">${f.help}</span>` : "";
  const select = (options: readonly { value: string; label: string }[]) =>
    html`<select name="fields.${f.key}"${required}><option value="">Choisir…</option>${options.map(
      (o) => html`<option value="${o.value}"${current === o.value ? new Html(" selected") : ""}>${o.label}</option>`,
    )}</select>`;
  let control: Html;
  switch (f.type) {
    case "choice":
      control = select(f.options);
      break;
    case "band":
      control = select(f.bands);
      break;
    case "boolean":
      control = select([
        { value: "oui", label: "Oui" },
        { value: "non", label: "Non" },
      ]);
      break;
    case "date":
      control = html`<input type="date" name="fields.${f.key}" value="${current}"${required}>`;
      break;
    case "integer":
    case "decimal":
    case "amount":
      control = html`<input type="text" inputmode="${f.type === "integer" ? "numeric" : "decimal"}" name="fields.${f.key}" value="${current}"${required} maxlength="20">`;
      break;
    default:
      control = html`<input type="text" name="fields.${f.key}" value="${current}"${required} maxlength="${f.type === "text" ? f.maxLength : 200}">`;
  }
  const unit = "unit" in f && f.unit ? ` (${f.unit})` : f.type === "amount" ? " (€)" : "";
  return html`<label class="field">${f.label}${unit}${req}${control}${help}${errors}</label>`;
}

export function renderMessage(title: string, message: Html | string): string {
  return htmlPage({ title, stylesheet: STYLESHEET, body: html`<main class="card"><h1>${title}</h1><p class="ok">${message}</p></main>` });
}
