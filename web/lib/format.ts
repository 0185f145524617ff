// Display formatting shared by pages. India-first product: dates read in IST unless told otherwise.

const TIME_ZONE = 'Asia/Kolkata';

const dateTime = new Intl.DateTimeFormat('en-IN', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  // h23, not hour12: false, which en-IN renders as "24:00" at midnight (the next day's start).
  hourCycle: 'h23',
});

const timeOnly = new Intl.DateTimeFormat('en-IN', {
  timeZone: TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const inr = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });

/** "23 Nov 2025, 16:05" in IST. */
export function formatDateTime(value: Date | string): string {
  return dateTime.format(new Date(value));
}

/** "16:05" in IST. */
export function formatTime(value: Date | string): string {
  return timeOnly.format(new Date(value));
}

/** "3 min ago", "2 days ago", "in 5 days" relative to `now`. */
export function formatRelative(value: Date | string, now: Date = new Date()): string {
  const diff = new Date(value).getTime() - now.getTime();
  const abs = Math.abs(diff);
  const units: Array<[number, string]> = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'min'],
  ];
  for (const [ms, unit] of units) {
    if (abs >= ms) {
      const n = Math.round(abs / ms);
      const label = `${n} ${unit}${n === 1 || unit === 'min' ? '' : 's'}`;
      return diff < 0 ? `${label} ago` : `in ${label}`;
    }
  }
  return 'just now';
}

/** Integer paise as rupees: 129900 → "₹1,299.00". */
export function formatPaise(paise: number): string {
  return inr.format(paise / 100);
}
