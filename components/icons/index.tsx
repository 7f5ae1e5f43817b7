import type { ReactNode } from 'react';

/** Small inline icons (no emoji: they render as boxes where no emoji font is installed). Decorative: aria-hidden. */
const base = 'inline-block h-3.5 w-3.5 shrink-0 align-[-2px]';

type IconProps = { className?: string };

/** The one SVG frame every icon shares: 16×16, stroked in the text colour. */
function Icon({
  className = base,
  strokeWidth = 1.6,
  children,
}: IconProps & { strokeWidth?: number; children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export const ClockIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="6.2" />
    <path d="M8 4.5V8l2.5 1.5" />
  </Icon>
);

export const CoinIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="6.2" />
    <path d="M10 5.8c-.4-.6-1.1-.9-2-.9-1.2 0-2 .6-2 1.5 0 2 4 1 4 3.1 0 .9-.9 1.6-2.1 1.6-.9 0-1.7-.4-2.1-1M8 3.8v8.4" />
  </Icon>
);

export const LockIcon = (p: IconProps) => (
  <Icon {...p}>
    <rect x="3.2" y="7" width="9.6" height="6.8" rx="1.2" />
    <path d="M5.3 7V5a2.7 2.7 0 0 1 5.4 0v2" />
  </Icon>
);

export const CheckIcon = (p: IconProps) => (
  <Icon {...p} strokeWidth={2}>
    <path d="m3.5 8.5 3 3 6-7" />
  </Icon>
);

export const ArrowIcon = (p: IconProps) => (
  <Icon {...p} strokeWidth={1.8}>
    <path d="M3 8h9.5M9 4.5 12.5 8 9 11.5" />
  </Icon>
);

export const InfoIcon = (p: IconProps) => (
  <Icon {...p}>
    <circle cx="8" cy="8" r="6.2" />
    <path d="M8 7.2v4M8 4.8v.1" />
  </Icon>
);

export const BulbIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M5.5 10.5a4.3 4.3 0 1 1 5 0V12h-5v-1.5ZM6 14h4" />
  </Icon>
);

export const WarningIcon = (p: IconProps) => (
  <Icon {...p}>
    <path d="M8 2.2 14.3 13H1.7L8 2.2Z" />
    <path d="M8 6.5v3.2M8 11.4v.1" />
  </Icon>
);
