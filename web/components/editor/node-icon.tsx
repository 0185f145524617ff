// Node icons as inline SVG, keyed by node type and falling back to its category (descriptors
// carry an emoji, which this machine's browsers may not have a font for).
import type { ReactNode } from 'react';
import { Svg } from '../icons';

const paths: Record<string, ReactNode> = {
  bolt: <path d="M13 2 4.5 13.5H11L10 22l8.5-11.5H12L13 2z" />,
  clock: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 7.5V12l3 2" />
    </>
  ),
  hourglass: <path d="M6.5 3h11M6.5 21h11M7.5 3c0 5 9 5 9 9s-9 4-9 9M16.5 3c0 5-9 5-9 9s9 4 9 9" />,
  bell: <path d="M6 16.5V11a6 6 0 1 1 12 0v5.5l1.5 1.5h-15L6 16.5zM10 20.5a2 2 0 0 0 4 0" />,
  branch: (
    <>
      <circle cx="6" cy="5" r="2" />
      <circle cx="18" cy="19" r="2" />
      <circle cx="6" cy="19" r="2" />
      <path d="M6 7v10M6 12c0-3 3-4 6-4h2a4 4 0 0 1 4 4v5" />
    </>
  ),
  split: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M12 3.5V12l6 6M12 12l-6.5 5" />
    </>
  ),
  chat: <path d="M4.5 5.5h15v10h-9l-4.5 3.5v-3.5h-1.5v-10zM8.5 9.5h7M8.5 12.5h4.5" />,
  flag: <path d="M5.5 21V4M5.5 4h11l-2 3.5 2 3.5h-11" />,
  film: (
    <>
      <rect x="3.5" y="5" width="17" height="14" rx="2" />
      <path d="m10 9.5 4.5 2.5-4.5 2.5v-5z" />
    </>
  ),
  star: (
    <path d="m12 3.5 2.6 5.4 5.9.8-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.8L12 3.5z" />
  ),
  puzzle: (
    <path d="M9 4.5h3.5a2 2 0 1 1 3.5 0H19v4a2 2 0 1 1 0 3.5V16h-4a2 2 0 1 0-3.5 0H5v-4.5a2 2 0 1 0 0-3.5V4.5h4z" />
  ),
};

const byType: Record<string, keyof typeof paths> = {
  'trigger.event': 'bolt',
  'flow.wait': 'hourglass',
  'flow.wait_for_event': 'bell',
  'flow.condition': 'branch',
  'audience.cohort_split': 'split',
  'message.send': 'chat',
  'flow.exit': 'flag',
};

const byCategory: Record<string, keyof typeof paths> = {
  trigger: 'bolt',
  flow: 'clock',
  audience: 'split',
  message: 'chat',
  media: 'film',
  loyalty: 'star',
  custom: 'puzzle',
};

/** The icon of a node type (by type, else by category). */
export function NodeIcon({
  type,
  category,
  className = 'size-4',
}: {
  type: string;
  category: string;
  className?: string;
}) {
  const key = byType[type] ?? byCategory[category] ?? 'puzzle';
  return (
    <Svg className={className} data-icon={key}>
      {paths[key]}
    </Svg>
  );
}
