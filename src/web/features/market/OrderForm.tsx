import { useState } from "react";
import { ApiError, errorMessage } from "../../api/client";
import { DEPARTEMENT_OPTIONS } from "../../ui/departements";
import { Field, TextField } from "../../ui/Field";
import { Form } from "../../ui/FormActions";
import { formatNumber } from "../../ui/format";
import { PRODUCTS_BY_GROUP } from "../../ui/products";
import { Options, SelectField } from "../../ui/SelectField";
import { type OrderInput, useOrderPreview, useSaveOrder } from "./api";
import { LEAD_TYPE_OPTIONS } from "./labels";

const EMPTY: OrderInput = { name: "", products: [], leadType: "lead", departements: [], weeklyCap: 20, dailyCap: null };

const CAPS = [
  { key: "weeklyCap", id: "order-weekly", label: "Plafond par semaine" },
  { key: "dailyCap", id: "order-daily", label: "Plafond par jour (facultatif)" },
] as const;

/** A new standing order, with how many leads matched last week for what it asks. */
export function OrderForm({ onDone }: { onDone(): void }) {
  const [order, setOrder] = useState<OrderInput>(EMPTY);
  const save = useSaveOrder();
  const preview = useOrderPreview({ products: order.products, leadType: order.leadType, departements: order.departements });
  const fieldError = (field: string) =>
    save.error instanceof ApiError && save.error.field?.endsWith(field) ? save.error.message : undefined;
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

  return (
    <Form className="card order-form" aria-label="Nouvelle commande" onSubmit={() => save.mutate(order, { onSuccess: onDone })}>
      <h2>Nouvelle commande exclusive</h2>
      <Field id="order-name" label="Nom de la commande" required error={fieldError("name")}>
        {(c) => (
          <input
            {...c}
            className="input"
            value={order.name}
            maxLength={80}
            onChange={(e) => setOrder({ ...order, name: e.target.value })}
          />
        )}
      </Field>
      <fieldset className="form-section">
        <legend className="field__label">Produits</legend>
        <div className="checkbox-grid">
          {PRODUCTS_BY_GROUP.flatMap((g) => g.products).map((p) => (
            <label key={p.slug} className="checkbox">
              <input
                type="checkbox"
                checked={order.products.includes(p.slug)}
                onChange={() => setOrder({ ...order, products: toggle(order.products, p.slug) })}
              />
              {p.label}
            </label>
          ))}
        </div>
        {fieldError("products") && <p className="field__error">{fieldError("products")}</p>}
      </fieldset>
      <div className="form-grid">
        <SelectField
          id="order-type"
          label="Type"
          value={order.leadType}
          options={LEAD_TYPE_OPTIONS}
          onChange={(v) => setOrder({ ...order, leadType: v as OrderInput["leadType"] })}
        />
        <Field id="order-deps" label="Départements" hint="Aucun choisi : toute la France. Ctrl/Cmd pour en choisir plusieurs.">
          {(c) => (
            <select
              {...c}
              className="input"
              multiple
              size={5}
              value={order.departements}
              onChange={(e) => setOrder({ ...order, departements: [...e.target.selectedOptions].map((o) => o.value) })}
            >
              <Options options={DEPARTEMENT_OPTIONS} />
            </select>
          )}
        </Field>
        {CAPS.map((cap) => (
          <TextField
            key={cap.key}
            id={cap.id}
            label={cap.label}
            required={cap.key === "weeklyCap"}
            error={fieldError(cap.key)}
            type="number"
            min={1}
            max={10000}
            value={String(order[cap.key] ?? "")}
            onChange={(v) => setOrder({ ...order, [cap.key]: v === "" && cap.key === "dailyCap" ? null : Number(v) })}
          />
        ))}
      </div>
      <p className="muted" aria-live="polite">
        {order.products.length === 0
          ? "Choisissez au moins un produit pour voir combien de leads auraient correspondu la semaine dernière."
          : preview.data
            ? `La semaine dernière, ${formatNumber(preview.data.lastWeek)} lead(s) accepté(s) correspondaient à ces critères.`
            : "Calcul de l'aperçu…"}
      </p>
      {save.isError && !(save.error instanceof ApiError && save.error.field) && <p className="field__error">{errorMessage(save.error)}</p>}
      <div className="inline-list">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          Créer la commande
        </button>
        <button type="button" className="button button--ghost" onClick={onDone}>
          Annuler
        </button>
      </div>
    </Form>
  );
}
