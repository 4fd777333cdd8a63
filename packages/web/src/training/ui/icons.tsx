/** Small stroke icons of the Training page (16×16, currentColor). */
import type { ReactNode } from 'react';

function Icon({ children, size = 14 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
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

/** Download arrow. */
export const DownloadIcon = () => (
  <Icon>
    <path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" />
  </Icon>
);

/** Reset zoom (a frame). */
export const FitIcon = () => (
  <Icon>
    <path d="M2.5 6V2.5H6M10 2.5h3.5V6M13.5 10v3.5H10M6 13.5H2.5V10" />
  </Icon>
);

/** Expand to full width. */
export const ExpandIcon = () => (
  <Icon>
    <path d="M9.5 2.5h4v4M6.5 13.5h-4v-4M13.5 2.5 9 7M2.5 13.5 7 9" />
  </Icon>
);

/** Collapse from full width. */
export const CollapseIcon = () => (
  <Icon>
    <path d="M13.5 6.5h-4v-4M2.5 9.5h4v4M9.5 6.5l4-4M6.5 9.5l-4 4" />
  </Icon>
);

/** Disclosure chevron (points right; rotated when open). */
export const ChevronIcon = ({ open }: { open: boolean }) => (
  <span className={open ? 'chevron open' : 'chevron'}>
    <Icon size={12}>
      <path d="M6 3.5 10.5 8 6 12.5" />
    </Icon>
  </span>
);

/** Warning triangle. */
export const WarnIcon = () => (
  <Icon size={13}>
    <path d="M8 2 14.5 13.5h-13zM8 6.5v3.2M8 11.6v.1" />
  </Icon>
);

/** Search lens. */
export const SearchIcon = () => (
  <Icon size={13}>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3 3" />
  </Icon>
);
