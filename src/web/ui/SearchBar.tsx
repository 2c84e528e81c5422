import { useEffect, useState } from "react";
import { Field } from "./Field";
import { Icon } from "./Icon";

/** One pause for every search box: long enough not to query at each key, short enough to feel immediate. */
export const SEARCH_DELAY_MS = 350;

interface SearchBarProps {
  id: string;
  label?: string;
  placeholder: string;
  /** The search applied (from the address or the filters). */
  value: string | undefined;
  /** Called with the trimmed text once typing pauses; "" clears the search. */
  onSearch(text: string): void;
  className?: string;
}

/** A search field that applies what is typed after a short pause, and follows the applied search when it changes elsewhere. */
export function SearchBar({ id, label = "Recherche", placeholder, value, onSearch, className }: SearchBarProps) {
  const [text, setText] = useState(value ?? "");
  useEffect(() => setText(value ?? ""), [value]);
  useEffect(() => {
    if (text.trim() === (value ?? "")) return;
    const timer = window.setTimeout(() => onSearch(text.trim()), SEARCH_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <Field id={id} label={label} className={className}>
      {(c) => (
        <div className="input-icon">
          <Icon name="search" />
          <input {...c} className="input" type="search" placeholder={placeholder} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
      )}
    </Field>
  );
}
