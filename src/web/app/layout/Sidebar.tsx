import { useEffect, useState } from "react";
import { NavLink, useLocation } from "react-router";
import { Icon } from "../../ui/Icon";
import type { NavEntry } from "../feature";
import type { Space } from "../spaces";

export interface NavLinkEntry extends NavEntry {
  to: string;
  /** Only active on this exact URL (a space's home would otherwise match every page). */
  end: boolean;
}

/**
 * The space's menu: a column on the left on wide screens; on a phone, a bar with a "Menu" button that
 * unfolds the links (they would otherwise stack into a block of 200-300 px above every page).
 */
export function Sidebar({ space, nav }: { space: Space; nav: NavLinkEntry[] }) {
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  // Following a link folds the menu back on a phone: the page, not the menu, is what was asked for.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation, the path is the trigger
  useEffect(() => setOpen(false), [pathname]);

  return (
    <aside className={`sidebar${open ? " is-open" : ""}`}>
      <div className="sidebar__brand">
        <span className="brand-mark" aria-hidden="true">
          LA
        </span>
        <span className="sidebar__brand-text">
          <span className="sidebar__name">LeadsAssurance</span>
          <span className="sidebar__space">{space.label}</span>
        </span>
        <button
          type="button"
          className="sidebar__toggle"
          aria-expanded={open}
          aria-controls="space-menu"
          onClick={() => setOpen((o) => !o)}
        >
          <Icon name={open ? "x" : "list"} />
          Menu
        </button>
      </div>
      <nav id="space-menu" className="sidebar__menu" aria-label={space.label}>
        <ul className="sidebar__nav">
          {nav.map((entry) => (
            <li key={entry.to}>
              <NavLink to={entry.to} end={entry.end} className={({ isActive }) => `sidebar__link${isActive ? " is-active" : ""}`}>
                <Icon name={entry.icon} />
                <span>{entry.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </aside>
  );
}
