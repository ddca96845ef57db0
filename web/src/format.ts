/** Display formats shared by the pages (pure; Intl only). */

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

const date = new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: '2-digit', day: '2-digit' });

/** `2024/05/01 09:30:00` in the browser's time zone; the raw value when it does not parse. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTime.format(d);
}

/** A calendar date (`2022-02-20`) is shown as written: parsing it would shift it across time zones. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : date.format(d);
}

export const dash = (value: string | null | undefined): string => (value ? value : '—');

/**
 * Today's date in China (UTC+8, no daylight saving) as `YYYY-MM-DD`: the platform's day, whatever the
 * browser's own time zone (a date picker that refuses future days must not refuse China's today
 * between 16:00 and 24:00 UTC).
 */
export function chinaToday(now: number = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}
