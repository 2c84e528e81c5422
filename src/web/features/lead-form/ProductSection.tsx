import { isFieldRequired, productBySlug } from "../../../modules/catalogue/rules";
import { Field } from "../../ui/Field";
import { ProductSelect } from "../../ui/ProductSelect";
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
    <section className="card form-section" aria-labelledby="section-product">
      <h2 id="section-product">
        <span className="step">1</span> Produit
      </h2>
      <Field id="lead-product" label="Produit demandé par le prospect" required error={errors.product}>
        {(c) => <ProductSelect {...c} value={product} onChange={onProductChange} />}
      </Field>
    </section>
  );
}

/** The form of the chosen product, generated from its catalogue definition. */
export function ProductFieldsSection({ product, fields, errors, onFieldChange }: Omit<Props, "onProductChange">) {
  const definition = productBySlug(product);
  if (!definition) {
    return (
      <section className="card form-section" aria-labelledby="section-fields">
        <h2 id="section-fields">
          <span className="step">3</span> Projet
        </h2>
        <p className="muted">Choisissez d'abord le produit : les questions propres à ce produit s'afficheront ici.</p>
      </section>
    );
  }
  const { values } = typedFields(product, fields);
  return (
    <section className="card form-section" aria-labelledby="section-fields">
      <h2 id="section-fields">
        <span className="step">3</span> Projet — {definition.label}
      </h2>
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
    </section>
  );
}
