import { type ComponentType, lazy } from "react";
import type { IconName } from "../ui/Icon";
import type { SpaceKey } from "./spaces";

export interface NavEntry {
  label: string;
  icon: IconName;
  /** Position in the sidebar, lowest first. */
  order: number;
  /** Only these roles see the entry (the server refuses the others anyway); all roles of the space when absent. */
  roles?: readonly string[];
}

export interface FeatureRoute {
  /** Relative to the space base ("/apporteur"); "" is the space's home. */
  path: string;
  Page: ComponentType;
  nav?: NavEntry;
}

/** What a feature contributes to the app: its pages, in one space, and their sidebar entries. */
export interface Feature {
  space: SpaceKey;
  routes: FeatureRoute[];
}

/** A page loaded on first visit, so each page's code (and charts) stays out of the first download. */
export function lazyPage<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}
