/** `4444444` from a full commit SHA. */
export const shortSha = (sha: string) => sha.slice(0, 7);

/** `sha256:1a2b3c4d5e6f` from a full image digest. */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.includes(':')
    ? digest.split(':')
    : ['', digest];
  return `${algorithm ? `${algorithm}:` : ''}${hex.slice(0, 12)}`;
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 hours ago"; `now` is injectable for tests. */
export function timeAgo(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '';
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  if (Number.isNaN(seconds)) return '';
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return '';
}

/** "1 min 11 s" */
export function duration(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return s ? `${m} min ${s} s` : `${m} min`;
}

/** Seconds between two ISO instants, when both are known. */
export function secondsBetween(
  start?: string,
  end?: string,
): number | undefined {
  if (!start || !end) return undefined;
  const d = (Date.parse(end) - Date.parse(start)) / 1000;
  return Number.isNaN(d) ? undefined : d;
}
