/** Small stroke icons (16×16) used by the toolbar and panels. */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      {children}
    </svg>
  );
}

/** Icons by name. */
export const icons = {
  search: (
    <Icon>
      <circle cx="7" cy="7" r="4.5" />
      <path d="M10.5 10.5L14 14" />
    </Icon>
  ),
  zoomIn: (
    <Icon>
      <path d="M8 3v10M3 8h10" />
    </Icon>
  ),
  zoomOut: (
    <Icon>
      <path d="M3 8h10" />
    </Icon>
  ),
  fit: (
    <Icon>
      <path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" />
    </Icon>
  ),
  expand: (
    <Icon>
      <path d="M5 6l3-3 3 3M5 10l3 3 3-3" />
    </Icon>
  ),
  collapse: (
    <Icon>
      <path d="M5 3l3 3 3-3M5 13l3-3 3 3" />
    </Icon>
  ),
  download: (
    <Icon>
      <path d="M8 2v8M4.5 6.5L8 10l3.5-3.5M3 13h10" />
    </Icon>
  ),
  close: (
    <Icon>
      <path d="M4 4l8 8M12 4l-8 8" />
    </Icon>
  ),
  chevron: (
    <Icon>
      <path d="M6 4l4 4-4 4" />
    </Icon>
  ),
  layers: (
    <Icon>
      <path d="M8 2l6 3-6 3-6-3zM2 8l6 3 6-3M2 11l6 3 6-3" />
    </Icon>
  ),
};
