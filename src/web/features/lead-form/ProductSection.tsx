import { isFieldRequired, productBySlug } from "../../../modules/catalogue/rules";
import { Field } from "../../ui/Field";
import { ProductSelect } from "../../ui/ProductSelect";
import { StepSection } from "../../ui/StepSection";
import { isFieldVisible, typedFields } from "./build-submission";
import type { FieldErrors } from "./form-state";
import { ProductFieldInput } from "./ProductFieldInput";

interface Props {
  product: string;
  fields: Record<string, string>;
  errors: FieldErrors;
  onProductChange(slug: string): void;
  onFieldChange(key: string, value: string): void;
}

export function ProductPicker({ product, errors, onProductChange }: Pick<Props, "product" | "errors" | "onProductChange">) {
  return (
    <StepSection id="section-product" step={1} title="Produit">
      <Field id="lead-product" label="Produit demandé par le prospect" required error={errors.product}>
        {(c) => <ProductSelect {...c} value={product} onChange={onProductChange} />}
      </Field>
    </StepSection>
  );
}

/** The form of the chosen product, generated from its catalogue definition. */
export function ProductFieldsSection({ product, fields, errors, onFieldChange }: Omit<Props, "onProductChange">) {
  const definition = productBySlug(product);
  if (!definition) {
    return (
      <StepSection id="section-fields" step={3} title="Projet">
        <p className="muted">Choisissez d'abord le produit : les questions propres à ce produit s'afficheront ici.</p>
      </StepSection>
    );
  }
  const { values } = typedFields(product, fields);
  return (
    <StepSection id="section-fields" step={3} title={<>Projet — {definition.label}</>}>
      <div className="form-grid">
        {definition.fields
          .filter((f) => isFieldVisible(f, values))
          .map((f) => (
            <ProductFieldInput
              key={f.key}
              field={f}
              value={fields[f.key] ?? ""}
              required={isFieldRequired(f, values)}
              error={errors[`fields.${f.key}`]}
              onChange={(v) => onFieldChange(f.key, v)}
            />
          ))}
      </div>
    </StepSection>
  );
}
