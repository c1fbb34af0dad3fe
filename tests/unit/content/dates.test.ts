import { describe, expect, it } from 'vitest';
import { checkDate, dateFromFileName, formatDate, isoDate } from '../../../src/content/dates.js';

const SEOUL = 'Asia/Seoul';
const iso = (value: unknown, tz = SEOUL) => checkDate(value, tz).date?.toISOString();

describe('checkDate', () => {
  it.each([
    ['2024-05-14', '2024-05-13T15:00:00.000Z'],
    ['2024-05-14 10:00:00 +0900', '2024-05-14T01:00:00.000Z'],
    ['2024-05-14 10:00:00 +09:00', '2024-05-14T01:00:00.000Z'],
    ['2024-05-14 10:00:00 -0500', '2024-05-14T15:00:00.000Z'],
    ['2024-05-14 10:00', '2024-05-14T01:00:00.000Z'],
    ['2022-05-1 18:30:48', '2022-05-01T09:30:48.000Z'],
    ['2024-05-14T01:00:00Z', '2024-05-14T01:00:00.000Z'],
    ['2024-05-14T10:00:00+09:00', '2024-05-14T01:00:00.000Z'],
    ['2024-05-14T10:00:00.123+09:00', '2024-05-14T01:00:00.123Z'],
    ['2024-05-14 10:00:00.5', '2024-05-14T01:00:00.500Z'],
    ['2024/05/14', '2024-05-13T15:00:00.000Z'],
    ['2024/05/14 10:00', '2024-05-14T01:00:00.000Z'],
    ['2024.05.14', '2024-05-13T15:00:00.000Z'],
    ['  2024-05-14  ', '2024-05-13T15:00:00.000Z'],
    ['2024-05-14 10:00:00 UTC', '2024-05-14T10:00:00.000Z'],
  ])('reads %j', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it('interprets a wall-clock time in the given zone', () => {
    expect(iso('2024-05-14 10:00', 'UTC')).toBe('2024-05-14T10:00:00.000Z');
    expect(iso('2024-01-15 10:00', 'America/New_York')).toBe('2024-01-15T15:00:00.000Z'); // EST
    expect(iso('2024-07-15 10:00', 'America/New_York')).toBe('2024-07-15T14:00:00.000Z'); // EDT
    expect(iso('2024-07-15 10:00', 'Asia/Kolkata')).toBe('2024-07-15T04:30:00.000Z');
  });

  it('handles the hours around DST changes', () => {
    // Spring forward: 02:30 never happened in New York; clocks showed 03:30 EDT.
    expect(iso('2024-03-10 02:30', 'America/New_York')).toBe('2024-03-10T07:30:00.000Z');
    expect(iso('2024-03-10 03:30', 'America/New_York')).toBe('2024-03-10T07:30:00.000Z');
    expect(iso('2024-03-10 01:59', 'America/New_York')).toBe('2024-03-10T06:59:00.000Z');
    // Fall back: 01:30 happened twice; the first (EDT) one wins.
    expect(iso('2024-11-03 01:30', 'America/New_York')).toBe('2024-11-03T05:30:00.000Z');
    expect(iso('2024-11-03 00:30', 'America/New_York')).toBe('2024-11-03T04:30:00.000Z');
    expect(iso('2024-11-03 02:30', 'America/New_York')).toBe('2024-11-03T07:30:00.000Z');
    expect(iso('2024-10-27 02:30', 'Europe/Berlin')).toBe('2024-10-27T00:30:00.000Z');
    expect(iso('2024-03-31 02:30', 'Europe/Berlin')).toBe('2024-03-31T01:30:00.000Z');
  });

  it('passes Date values through and reads numbers as Unix timestamps', () => {
    expect(iso(new Date('2024-05-14T01:00:00Z'))).toBe('2024-05-14T01:00:00.000Z');
    expect(iso(1715648400)).toBe('2024-05-14T01:00:00.000Z');
    expect(iso(1715648400000)).toBe('2024-05-14T01:00:00.000Z');
    expect(iso(2024)).toBeUndefined();
  });

  it('returns undefined for what is not a date', () => {
    for (const v of ['yesterday', '14/05/2024', '2024-5', ['2024-05-14'], true, {}]) {
      expect(iso(v)).toBeUndefined();
    }
  });
});

describe('checkDate', () => {
  it('says nothing for a missing value', () => {
    expect(checkDate(undefined, SEOUL)).toEqual({});
    expect(checkDate(null, SEOUL)).toEqual({});
    expect(checkDate('', SEOUL)).toEqual({});
  });

  it('explains impossible dates', () => {
    expect(checkDate('2024-13-45', SEOUL).error).toBe('impossible date "2024-13-45": month 13 does not exist');
    expect(checkDate('2023-02-29', SEOUL).error).toBe('impossible date "2023-02-29": February 2023 has only 28 days');
    expect(checkDate('2024-02-30', SEOUL).error).toMatch(/February 2024 has only 29 days/);
    expect(checkDate('2024-04-31', SEOUL).error).toMatch(/April has only 30 days/);
    expect(checkDate('2024-05-00', SEOUL).error).toMatch(/day 0/);
    expect(checkDate('2024-05-14 10:00 +2500', SEOUL).error).toMatch(/offset/);
    expect(checkDate('2024-02-29', SEOUL).date).toBeInstanceOf(Date);
  });

  it('rolls a time out of range over as Hexo does, with a warning naming the time it was read as', () => {
    const seconds = checkDate('2019-07-03 21:43:79', SEOUL);
    expect(seconds.error).toBeUndefined();
    expect(seconds.date?.toISOString()).toBe('2019-07-03T12:44:19.000Z');
    expect(seconds.warning).toBe('time out of range in "2019-07-03 21:43:79": read as 2019-07-03 21:44:19, as Hexo reads it');
    expect(seconds.corrected).toBe('2019-07-03 21:44:19');
    // Into the next day, with the offset kept.
    const hours = checkDate('2024-12-31 24:30:00 +0800', SEOUL);
    expect(hours.date?.toISOString()).toBe('2024-12-31T16:30:00.000Z');
    expect(hours.corrected).toBe('2025-01-01 00:30:00 +0800');
    expect(checkDate('2024-05-14 10:60', SEOUL).corrected).toBe('2024-05-14 11:00:00');
    // A time in range says nothing.
    expect(checkDate('2024-05-14 23:59:59', SEOUL)).toEqual({ date: new Date('2024-05-14T14:59:59Z') });
  });

  it('explains unrecognized formats with the accepted ones', () => {
    const { error, date } = checkDate('May 14th', SEOUL);
    expect(date).toBeUndefined();
    expect(error).toMatch(/^unrecognized date "May 14th"/);
    expect(error).toContain('YYYY-MM-DD');
    expect(error).toContain('+0900');
    expect(checkDate(['x'], SEOUL).error).toMatch(/got a list/);
  });
});

describe('dateFromFileName', () => {
  it('reads a YYYY-MM-DD- prefix as midnight in the zone', () => {
    expect(dateFromFileName('2024-05-14-hello.md', SEOUL)?.toISOString()).toBe('2024-05-13T15:00:00.000Z');
    expect(dateFromFileName('ko/2024-05-14-hello.md', 'UTC')?.toISOString()).toBe('2024-05-14T00:00:00.000Z');
    expect(dateFromFileName('2024-05-14-hi.md', 'America/New_York')?.toISOString()).toBe('2024-05-14T04:00:00.000Z');
  });

  it('ignores names without a valid prefix', () => {
    expect(dateFromFileName('2024-13-45-hello.md', SEOUL)).toBeUndefined();
    expect(dateFromFileName('hello.md', SEOUL)).toBeUndefined();
    expect(dateFromFileName('2024-05-14.md', SEOUL)).toBeUndefined();
    expect(dateFromFileName('2024-05-14-x/hello.md', SEOUL)).toBeUndefined();
  });
});

describe('formatDate', () => {
  const date = new Date('2024-05-14T01:00:00Z');
  it('formats in each language', () => {
    expect(formatDate(date, 'ko', SEOUL)).toBe('2024년 5월 14일');
    expect(formatDate(date, 'zh-Hans', SEOUL)).toBe('2024年5月14日');
    expect(formatDate(date, 'en', SEOUL)).toBe('May 14, 2024');
  });
  it('uses the site zone, not the machine zone', () => {
    const lateEvening = new Date('2024-05-14T16:00:00Z'); // 01:00 on the 15th in Seoul
    expect(formatDate(lateEvening, 'en', SEOUL)).toBe('May 15, 2024');
    expect(formatDate(lateEvening, 'en', 'America/Los_Angeles')).toBe('May 14, 2024');
  });
  it('falls back to English for a malformed tag', () => {
    expect(formatDate(date, 'not a tag!', SEOUL)).toBe('May 14, 2024');
  });
  it('names the right day for every post of a busy day, up to the minute before and after midnight', () => {
    // Texts are shared per day in the zone; the day must still change exactly at local midnight.
    const seoul = (wall: string) => formatDate(new Date(`${wall}+09:00`), 'ko', SEOUL);
    expect(seoul('2024-05-14T00:00:00')).toBe('2024년 5월 14일');
    expect(seoul('2024-05-14T13:05:00')).toBe('2024년 5월 14일');
    expect(seoul('2024-05-14T23:59:59')).toBe('2024년 5월 14일');
    expect(seoul('2024-05-13T23:59:59')).toBe('2024년 5월 13일');
    expect(seoul('2024-05-15T00:00:00')).toBe('2024년 5월 15일');
    // New York on the days its clocks change: 23 and 25 hours long.
    const ny = (iso: string) => formatDate(new Date(iso), 'en', 'America/New_York');
    expect(ny('2024-03-10T04:59:59Z')).toBe('March 9, 2024'); // 23:59:59 EST
    expect(ny('2024-03-10T05:00:00Z')).toBe('March 10, 2024'); // 00:00 EST
    expect(ny('2024-03-11T03:59:59Z')).toBe('March 10, 2024'); // 23:59:59 EDT
    expect(ny('2024-03-11T04:00:00Z')).toBe('March 11, 2024');
    expect(ny('2024-11-03T03:59:59Z')).toBe('November 2, 2024'); // 23:59:59 EDT
    expect(ny('2024-11-04T04:59:59Z')).toBe('November 3, 2024'); // 23:59:59 EST
    expect(ny('2024-11-04T05:00:00Z')).toBe('November 4, 2024');
  });
});

describe('isoDate', () => {
  it('expresses the instant in the site zone with its offset', () => {
    const date = new Date('2024-05-14T01:00:00Z');
    expect(isoDate(date, SEOUL)).toBe('2024-05-14T10:00:00+09:00');
    expect(isoDate(date, 'UTC')).toBe('2024-05-14T01:00:00+00:00');
    expect(isoDate(date, 'America/New_York')).toBe('2024-05-13T21:00:00-04:00');
    expect(isoDate(date, 'Asia/Kolkata')).toBe('2024-05-14T06:30:00+05:30');
    expect(isoDate(new Date('2024-05-14T01:00:00.999Z'), SEOUL)).toBe('2024-05-14T10:00:00+09:00');
  });
  it('round-trips through checkDate', () => {
    const text = isoDate(new Date('2024-11-03T05:30:00Z'), 'America/New_York');
    expect(text).toBe('2024-11-03T01:30:00-04:00');
    expect(iso(text)).toBe('2024-11-03T05:30:00.000Z');
  });
});
