import { NavLink } from "react-router";
import { Icon } from "../../ui/Icon";
import type { NavEntry } from "../feature";
import type { Space } from "../spaces";

export interface NavLinkEntry extends NavEntry {
  to: string;
  /** Only active on this exact URL (a space's home would otherwise match every page). */
  end: boolean;
}

export function Sidebar({ space, nav }: { space: Space; nav: NavLinkEntry[] }) {
  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="brand-mark" aria-hidden="true">
          LA
        </span>
        <span>
          <span className="sidebar__name">LeadsAssurance</span>
          <span className="sidebar__space">{space.label}</span>
        </span>
      </div>
      <nav aria-label={space.label}>
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
