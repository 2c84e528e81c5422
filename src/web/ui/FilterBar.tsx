import type { ReactNode } from "react";
import { DateRangeFields } from "./DateRangeFields";
import { SearchBar } from "./SearchBar";
import { SelectField, type SelectOption } from "./SelectField";

/** What a list page gives its filter bar: the filters applied (kept in the URL) and how to apply others. */
export interface FiltersProps<F> {
  filters: F;
  onChange(filters: F): void;
}

/** One select of a filter bar: which filter it sets, its field, its empty choice ("Tous"…) and its options. */
export interface FilterSelect<K> {
  key: K;
  id: string;
  label: string;
  emptyLabel: string;
  options: readonly SelectOption[];
}

type Filters = { q?: string; from?: string; to?: string; page?: number };

interface FilterBarProps<F extends Filters> extends FiltersProps<F> {
  /** The form's accessible name. */
  label: string;
  className?: string;
  /** The text search (filter `q`), first and widest. */
  search?: { id: string; placeholder: string };
  selects: readonly FilterSelect<keyof F & string>[];
  /** The period (filters `from` and `to`), after the selects. */
  dates?: { idPrefix: string; fromLabel?: string };
  /** A paged list goes back to its first page whenever a filter changes. */
  paged?: boolean;
  /** Fields of the list's own, after the others. */
  children?: ReactNode;
}

/**
 * A list's filter bar: selects and dates apply at once, the search after a short pause in typing (SearchBar);
 * an emptied filter is removed rather than kept as "".
 */
export function FilterBar<F extends Filters>({
  label,
  className,
  filters,
  onChange,
  search,
  selects,
  dates,
  paged,
  children,
}: FilterBarProps<F>) {
  const set = (key: string, value: string) => onChange({ ...filters, [key]: value || undefined, ...(paged && { page: 1 }) });
  return (
    <form className={`filters card${className ? ` ${className}` : ""}`} aria-label={label} onSubmit={(e) => e.preventDefault()}>
      {search && <SearchBar {...search} className="filters__search" value={filters.q} onSearch={(q) => set("q", q)} />}
      {selects.map(({ key, ...select }) => (
        <SelectField key={key} {...select} value={filters[key]?.toString()} onChange={(v) => set(key, v)} />
      ))}
      {dates && <DateRangeFields {...dates} range={filters} onChange={set} />}
      {children}
    </form>
  );
}
