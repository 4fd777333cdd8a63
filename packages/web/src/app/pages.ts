/** The app's pages. Training, Diagram and Explain are added here as they are built. */
import type { ComponentType } from 'react';
import { LazyDiagramPage } from '../diagram/index.js';
import { explainOpenFiles, LazyExplainPage } from '../explain/index.js';
import { ModelPage } from '../model/ModelPage.js';
import { TrainingPage } from '../training/TrainingPage.js';

/** A page: a tab in the top bar and a route. */
export interface PageDef {
  id: string;
  label: string;
  /** Paths served by the page; the first is the tab's link. */
  paths: string[];
  component: ComponentType;
  /** Where the top bar's Open button sends files on this page (default: the model viewer). */
  openFiles?: (files: File[]) => void;
}

/** Every page, in tab order. */
export const PAGES: PageDef[] = [
  { id: 'model', label: 'Model', paths: ['/', '/model'], component: ModelPage },
  { id: 'training', label: 'Training', paths: ['/training'], component: TrainingPage },
  { id: 'diagram', label: 'Diagram', paths: ['/diagram'], component: LazyDiagramPage },
  { id: 'explain', label: 'Explain', paths: ['/explain'], component: LazyExplainPage, openFiles: explainOpenFiles },
];

/** The page for a pathname (the first page when none matches). */
export function pageFor(pathname: string): PageDef {
  const p = pathname.replace(/\/+$/, '') || '/';
  return PAGES.find((page) => page.paths.includes(p)) ?? PAGES[0]!;
}
