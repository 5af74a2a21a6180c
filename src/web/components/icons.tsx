import type { ReactNode, SVGProps } from 'react';

/** A handful of stroke icons drawn for Akinai (24×24 grid), so the app ships no icon font. */
type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

function SvgIcon({ size = 20, children, ...props }: IconProps & { children: ReactNode }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export function IconReceipt(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M6 3h12v18l-2-1.5-2 1.5-2-1.5-2 1.5-2-1.5L6 21z" />
      <path d="M9 8h6M9 12h6M9 16h3" />
    </SvgIcon>
  );
}

export function IconTruck(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M3 5h11v10H3zM14 8h4l3 3.5V15h-7" />
      <circle cx="7" cy="17" r="2" />
      <circle cx="17" cy="17" r="2" />
    </SvgIcon>
  );
}

export function IconBox(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M12 3l8 4.5v9L12 21l-8-4.5v-9z" />
      <path d="M4 7.5l8 4.5 8-4.5M12 12v9" />
    </SvgIcon>
  );
}

export function IconUsers(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <circle cx="9" cy="8" r="3" />
      <path d="M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M16 5.2a3 3 0 0 1 0 5.6M17.5 14.3c2 .8 3.5 2.9 3.5 5.7" />
    </SvgIcon>
  );
}

export function IconChart(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M4 20h16M7 16v-5M12 16V7M17 16v-8" />
    </SvgIcon>
  );
}

export function IconUpload(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M12 15V4M8 8l4-4 4 4M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4" />
    </SvgIcon>
  );
}

export function IconDownload(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M12 4v11M8 11l4 4 4-4M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4" />
    </SvgIcon>
  );
}

export function IconAlert(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M12 3 2 20h20zM12 10v4M12 17h.01" />
    </SvgIcon>
  );
}

export function IconSliders(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
      <circle cx="15" cy="6" r="2" />
      <circle cx="9" cy="12" r="2" />
      <circle cx="17" cy="18" r="2" />
    </SvgIcon>
  );
}

export function IconSearch(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <circle cx="11" cy="11" r="6" />
      <path d="M20 20l-4.5-4.5" />
    </SvgIcon>
  );
}

export function IconPlus(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M12 5v14M5 12h14" />
    </SvgIcon>
  );
}

export function IconLogout(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M10 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h4M15 8l4 4-4 4M19 12H9" />
    </SvgIcon>
  );
}

export function IconGrid(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h6v6h-6z" />
    </SvgIcon>
  );
}

export function IconChevronLeft(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M15 6l-6 6 6 6" />
    </SvgIcon>
  );
}
export function IconChevronRight(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M9 6l6 6-6 6" />
    </SvgIcon>
  );
}
export function IconArrowLeft(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M19 12H5M11 6l-6 6 6 6" />
    </SvgIcon>
  );
}

export function IconBuilding(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M4 21V5a1 1 0 0 1 1-1h9a1 1 0 0 1 1 1v16M15 9h4a1 1 0 0 1 1 1v11M3 21h18M8 8h3M8 12h3M8 16h3" />
    </SvgIcon>
  );
}

export function IconUser(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <circle cx="12" cy="8" r="4" />
      <path d="M5 21c0-3.9 3.1-7 7-7s7 3.1 7 7" />
    </SvgIcon>
  );
}

export function IconCheck(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M5 12l5 5L20 7" />
    </SvgIcon>
  );
}

export function IconShield(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M12 3l7 3v5c0 4.5-3 8.3-7 10-4-1.7-7-5.5-7-10V6l7-3z" />
      <path d="M9 12l2 2 4-4" />
    </SvgIcon>
  );
}

export function IconKey(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l9-9M16 7l3 3M14 9l2 2" />
    </SvgIcon>
  );
}

export function IconHelp(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <circle cx="12" cy="12" r="9" />
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14" />
      <path d="M12 17.5v.01" />
    </SvgIcon>
  );
}

export function IconDevices(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <rect x="2" y="4" width="14" height="10" rx="1.5" />
      <path d="M6 18h6M9 14v4" />
      <rect x="17" y="8" width="5" height="11" rx="1" />
    </SvgIcon>
  );
}

export function IconBell(props: IconProps) {
  return (
    <SvgIcon {...props}>
      <path d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15z" />
      <path d="M10 20.5a2 2 0 0 0 4 0" />
    </SvgIcon>
  );
}
