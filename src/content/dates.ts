// Dates as bloggers write them (Jekyll `2024-05-14 10:00:00 +0900`, Hexo `2022-05-1 18:30:48`,
// ISO, slashes, dots), with the site's time zone for wall-clock times that carry no offset.
// Everything goes through Intl so results do not depend on the machine's TZ.

export interface DateCheck {
  /** The instant, when the value is a date. */
  date?: Date;
  /** Why the value is not a date, ready to show to the user. */
  error?: string;
  /**
   * The value was read, but not as written: a time out of range (`21:43:79`) rolled over into the
   * next minute, hour or day, as Hexo's YAML parser does. Ready to show to the user.
   */
  warning?: string;
  /** With `warning`: the value as it should be written (`2024-05-14 21:44:19`). */
  corrected?: string;
}

const ACCEPTED =
  'write YYYY-MM-DD, optionally followed by a time HH:MM[:SS] and an offset, e.g. 2024-05-14, ' +
  '2024-05-14 10:00, 2024-05-14 10:00:00 +0900 or 2024-05-14T01:00:00Z (also with / or . between the numbers)';

const DATE_RE =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?)?$/i;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A front-matter value as a date. Null, undefined and '' give `{}` (no date, no error: the caller
 * moves on to the next source of the date chain).
 */
export function checkDate(value: unknown, timeZone: string): DateCheck {
  if (value === null || value === undefined || value === '') return {};
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? { error: 'invalid date' } : { date: new Date(value.getTime()) };
  }
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value !== 'string') {
    const kind = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : `${typeof value} ${String(value)}`;
    return { error: `expected a date, got ${kind}: ${ACCEPTED}` };
  }
  const text = value.trim();
  const m = DATE_RE.exec(text);
  if (!m) return { error: `unrecognized date "${text}": ${ACCEPTED}` };
  const [, y, , mo, d, h, mi, s, frac, zone] = m;
  const parts = {
    year: Number(y), month: Number(mo), day: Number(d),
    hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0),
    ms: frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0,
  };
  const problem = impossible(parts);
  if (problem) return { error: `impossible date "${text}": ${problem}` };
  // Hexo reads timestamps with js-yaml, which hands hours, minutes and seconds of up to two
  // digits to Date.UTC: 21:43:79 is 21:44:19 there. Its posts keep the instant they were
  // published at; a calendar date that does not exist stays an error (above).
  const wall = utcMillis(parts);
  const rolled = outOfRange(parts) ? rolledOver(text, wall, zone) : {};
  if (zone === undefined) return { date: new Date(wallToUtc(wall, timeZone)), ...rolled };
  const offset = parseOffset(zone);
  if (offset === undefined) return { error: `impossible date "${text}": offset ${zone} does not exist` };
  return { date: new Date(wall - offset), ...rolled };
}

/** The warning for a time out of range, naming the time it was read as. */
function rolledOver(text: string, wall: number, zone: string | undefined): Pick<DateCheck, 'warning' | 'corrected'> {
  const d = new Date(wall);
  const day = `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  const corrected = `${day} ${time}${zone === undefined ? '' : ` ${zone}`}`;
  return { warning: `time out of range in "${text}": read as ${corrected}, as Hexo reads it`, corrected };
}

/** Midnight in `timeZone` of a `YYYY-MM-DD-` prefix of the base name (Jekyll's `_posts` convention). */
export function dateFromFileName(name: string, timeZone: string): Date | undefined {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const m = /^(\d{4})-(\d{2})-(\d{2})-/.exec(base);
  if (!m) return undefined;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0, second: 0, ms: 0 };
  return impossible(parts) ? undefined : new Date(wallToUtc(utcMillis(parts), timeZone));
}

/** A long-date format and the texts it has produced, by day number in its time zone. */
interface DateFormatter { format: Intl.DateTimeFormat; texts: Map<number, string> }
const dateFormatters = new Map<string, DateFormatter>();

/** A reader-facing date: `2024년 5월 14일`, `2024年5月14日`, `May 14, 2024`. */
export function formatDate(date: Date, bcp47: string, timeZone: string): string {
  const key = `${bcp47}\u0000${timeZone}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(bcp47, { dateStyle: 'long', timeZone });
    } catch {
      // A malformed tag must not break a page; the zone was validated with the config.
      format = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone });
    }
    formatter = { format, texts: new Map() };
    dateFormatters.set(key, formatter);
  }
  // The text names a calendar day in `timeZone`, so every post of that day shares it (a news
  // site publishes dozens a day); offsetAt reads the same zone data as Intl.
  const instant = date.getTime();
  const day = Math.floor((instant + offsetAt(instant, timeZone)) / DAY);
  let text = formatter.texts.get(day);
  if (text === undefined) {
    text = formatter.format.format(date);
    if (formatter.texts.size > 100_000) formatter.texts.clear();
    formatter.texts.set(day, text);
  }
  return text;
}

/** Whether `later` falls on a later calendar day than `earlier` in `timeZone`. */
export function onLaterDay(later: Date, earlier: Date, timeZone: string): boolean {
  const day = (date: Date) => Math.floor((date.getTime() + offsetAt(date.getTime(), timeZone)) / DAY);
  return day(later) > day(earlier);
}

/** The instant as wall-clock time in `timeZone` with its offset: `2024-05-14T10:00:00+09:00`. */
export function isoDate(date: Date, timeZone: string): string {
  const seconds = Math.floor(date.getTime() / 1000) * 1000;
  const texts = isoTexts.get(timeZone) ?? isoTexts.set(timeZone, new Map()).get(timeZone)!;
  let text = texts.get(seconds);
  if (text === undefined) {
    const offset = offsetAt(seconds, timeZone);
    const wall = new Date(seconds + offset);
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset) / 60_000;
    text = `${wall.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    if (texts.size > 100_000) texts.clear();
    texts.set(seconds, text);
  }
  return text;
}

/** isoDate's texts by time zone and instant: a page, its feed entry and the sitemap ask for the same ones. */
const isoTexts = new Map<string, Map<number, string>>();

interface Parts { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number }

function impossible(p: Parts): string | undefined {
  if (p.month < 1 || p.month > 12) return `month ${p.month} does not exist`;
  const days = daysIn(p.year, p.month);
  if (p.day < 1 || p.day > days) {
    const which = p.month === 2 ? `February ${p.year}` : MONTHS[p.month - 1];
    return p.day < 1 ? 'day 0 does not exist' : `${which} has only ${days} days`;
  }
  return undefined;
}

/** Hours past 23, minutes or seconds past 59: read by rolling over (see checkDate). */
function outOfRange(p: Parts): boolean {
  return p.hour > 23 || p.minute > 59 || p.second > 59;
}

function daysIn(year: number, month: number): number {
  return new Date(utcMillis({ year, month: month + 1, day: 0, hour: 0, minute: 0, second: 0, ms: 0 })).getUTCDate();
}

/** Wall-clock parts read as UTC; setUTCFullYear because Date.UTC maps years 0–99 to 1900–1999. */
function utcMillis(p: Parts): number {
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  d.setUTCHours(p.hour, p.minute, p.second, p.ms);
  return d.getTime();
}

/** `+0900`, `+09:00`, `+09`, `Z` → milliseconds east of UTC. */
function parseOffset(zone: string): number | undefined {
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

/** Unix timestamps: seconds, or milliseconds when too large to be seconds. */
function fromNumber(n: number): DateCheck {
  if (!Number.isFinite(n) || n < 1e8) {
    return { error: `the number ${n} is not a date: ${ACCEPTED}` };
  }
  return { date: new Date(n < 1e11 ? n * 1000 : n) };
}

/**
 * Wall-clock time in `timeZone` → UTC millis, disambiguated like Temporal's "compatible": try the
 * offsets in force 12 hours before and after; a reading is right when the zone really has that
 * offset at the resulting instant. Both right (an autumn overlap): the earlier instant. Neither
 * (a spring gap, e.g. 02:30 in New York on 2024-03-10): the offset from before, i.e. 03:30 — what
 * the clocks showed.
 */
function wallToUtc(wall: number, timeZone: string): number {
  const before = offsetAt(wall - HALF_DAY, timeZone);
  const after = offsetAt(wall + HALF_DAY, timeZone);
  const early = wall - before;
  if (before === after) return early;
  const late = wall - after;
  const earlyOk = offsetAt(early, timeZone) === before;
  const lateOk = offsetAt(late, timeZone) === after;
  if (earlyOk && lateOk) return Math.min(early, late);
  if (earlyOk !== lateOk) return earlyOk ? early : late;
  return early;
}

const HALF_DAY = 12 * 3600_000;
const partFormats = new Map<string, Intl.DateTimeFormat>();

const DAY = 24 * 3600_000;
/** Offsets by time zone and UTC day number. */
const offsetCache = new Map<string, Map<number, number>>();

/**
 * Milliseconds `timeZone` is ahead of UTC at `instant`. Asking Intl is slow and this runs several
 * times per post, so offsets are cached per UTC day — but only for days whose start and end agree
 * (no transition inside); a day with a transition is answered exactly, every time.
 */
function offsetAt(instant: number, timeZone: string): number {
  const bucket = Math.floor(instant / DAY);
  const days = offsetCache.get(timeZone) ?? offsetCache.set(timeZone, new Map()).get(timeZone)!;
  const cached = days.get(bucket);
  if (cached !== undefined) return cached;
  const start = exactOffsetAt(bucket * DAY, timeZone);
  if (start !== exactOffsetAt((bucket + 1) * DAY - 1000, timeZone)) return exactOffsetAt(instant, timeZone);
  if (days.size > 100_000) days.clear();
  days.set(bucket, start);
  return start;
}

function exactOffsetAt(instant: number, timeZone: string): number {
  let format = partFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', era: 'short',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    partFormats.set(timeZone, format);
  }
  const p: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(instant)) p[type] = value;
  const year = p.era === 'BC' ? 1 - Number(p.year) : Number(p.year);
  const wall = utcMillis({
    year, month: Number(p.month), day: Number(p.day),
    hour: Number(p.hour), minute: Number(p.minute), second: Number(p.second), ms: 0,
  });
  return wall - Math.floor(instant / 1000) * 1000;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
