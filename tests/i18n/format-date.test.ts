import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDate, utcStamp } from '@/lib/i18n/format-date';

const instant = '2026-12-02T01:15:30.000Z';

describe('dates and times in the page language', () => {
  // Node may carry fewer Korean ICU data than a browser ("AM" for 오전): the tests accept either.
  it('says an instant in English and in Korean, in the zone it is given', () => {
    expect(formatDate(instant, 'en', 'dateTime', 'UTC')).toMatch(/^Dec 2, 2026, 1:15\sAM$/);
    expect(formatDate(instant, 'ko', 'dateTime', 'UTC')).toMatch(/^2026\. 12\. 2\. (오전|AM) 1:15$/);
    expect(formatDate(instant, 'ko', 'dateTime', 'Asia/Seoul')).toMatch(/^2026\. 12\. 2\. (오전|AM) 10:15$/);
    expect(formatDate(instant, 'en', 'time', 'America/New_York')).toMatch(/^08:15\sPM$/);
    expect(formatDate(instant, 'ko', 'time', 'Asia/Seoul')).toMatch(/^(오전|AM) 10:15$/);
    expect(formatDate(instant, 'ko', 'date', 'UTC')).toBe('2026. 12. 2.');
  });

  it('accepts a Date or milliseconds, and leaves a value that is not a date as it is', () => {
    expect(formatDate(new Date(instant), 'en', 'date', 'UTC')).toBe('Dec 2, 2026');
    expect(formatDate(Date.parse(instant), 'en', 'date', 'UTC')).toBe('Dec 2, 2026');
    expect(formatDate('soon', 'en')).toBe('soon');
  });

  it('writes the server-side stamp the same everywhere: the UTC instant, no ICU involved', () => {
    expect(utcStamp(instant)).toBe('2026-12-02 01:15 UTC');
    expect(utcStamp(instant, 'time')).toBe('01:15 UTC');
    expect(utcStamp(instant, 'date')).toBe('2026-12-02');
    expect(utcStamp('2026-12-02T01:15:30+09:00')).toBe('2026-12-01 16:15 UTC');
  });
});

describe('pages format dates only through lib/i18n/format-date', () => {
  const files = ['components', 'app'].flatMap((dir) =>
    readdirSync(join(process.cwd(), dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => join(dir, f)),
  );
  it.each(files)('%s', (file) => {
    const source = readFileSync(join(process.cwd(), file), 'utf8');
    // toLocaleLowerCase (sorting names) is not a date; exports and APIs keep toISOString.
    expect(source).not.toMatch(/\.toLocale(String|DateString|TimeString)\(|new Intl\.DateTimeFormat\(/);
  });
});
