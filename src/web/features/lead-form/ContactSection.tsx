import { communeChoices, usePostalCode } from "../../api/postal-codes";
import { Field } from "../../ui/Field";
import { StepSection } from "../../ui/StepSection";
import type { ContactState, FieldErrors } from "./form-state";

const INPUTS: {
  key: keyof ContactState;
  label: string;
  type: string;
  autoComplete: string;
  placeholder?: string;
  inputMode?: "tel" | "email" | "numeric";
}[] = [
  { key: "firstName", label: "Prénom", type: "text", autoComplete: "off" },
  { key: "lastName", label: "Nom", type: "text", autoComplete: "off" },
  { key: "phone", label: "Téléphone", type: "tel", autoComplete: "off", placeholder: "06 12 34 56 78", inputMode: "tel" },
  { key: "email", label: "E-mail", type: "email", autoComplete: "off", placeholder: "prenom.nom@exemple.fr", inputMode: "email" },
  { key: "postalCode", label: "Code postal", type: "text", autoComplete: "off", placeholder: "13001", inputMode: "numeric" },
  { key: "city", label: "Ville", type: "text", autoComplete: "off" },
];

export function ContactSection({
  contact,
  errors,
  onChange,
}: {
  contact: ContactState;
  errors: FieldErrors;
  onChange(key: keyof ContactState, value: string): void;
}) {
  const postalCode = usePostalCode(contact.postalCode);
  const communes = communeChoices(postalCode.data);
  // Said as soon as the five digits are typed: the communes to choose from, or that La Poste has none.
  const hints: Partial<Record<keyof ContactState, string>> = {
    postalCode: postalCode.data && postalCode.data.postalCode === null ? "Aucune commune n'a ce code postal" : undefined,
    city: communes.length > 0 ? `Commune${communes.length > 1 ? "s" : ""} de ce code postal : ${communes.join(", ")}` : undefined,
  };
  return (
    <StepSection id="section-contact" step={2} title="Contact du prospect">
      <div className="form-grid">
        {INPUTS.map((input) => (
          <Field
            key={input.key}
            id={`contact-${input.key}`}
            label={input.label}
            required
            hint={hints[input.key]}
            error={errors[`contact.${input.key}`]}
          >
            {(c) => (
              <input
                {...c}
                className="input"
                type={input.type}
                inputMode={input.inputMode}
                autoComplete={input.autoComplete}
                placeholder={input.placeholder}
                list={input.key === "city" ? "contact-communes" : undefined}
                value={contact[input.key]}
                onChange={(e) => onChange(input.key, e.target.value)}
              />
            )}
          </Field>
        ))}
        <datalist id="contact-communes">
          {communes.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
      </div>
    </StepSection>
  );
}
