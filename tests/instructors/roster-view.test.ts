import { randomUUID } from 'node:crypto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { durationLabel, timerLabel } from '@/components/instructor/format';
import { JoinQr } from '@/components/instructor/join-qr';
import { RosterTable } from '@/components/instructor/roster-table';
import { translator } from '@/lib/i18n/messages';
import type { RosterRow } from '@/lib/roster/roster';

const now = Date.parse('2025-03-01T10:00:00Z');
const minutesAgo = (m: number) => new Date(now - m * 60_000).toISOString();

const row = (name: string, over: Partial<RosterRow>): RosterRow => ({
  learnerId: randomUUID(),
  displayName: name,
  joinedAt: minutesAgo(60),
  currentStage: '00-one-user',
  stages: { '00-one-user': 'unlocked', '01-split-database': 'locked' },
  completed: 0,
  lastRun: null,
  failingRequired: [],
  onStageSince: minutesAgo(3),
  stack: null,
  account: { kind: 'sandbox', masked: '••••••••1234' },
  lastActivity: minutesAgo(1),
  ...over,
});

function render(locale: 'en' | 'ko', rows: RosterRow[]): string {
  return renderToStaticMarkup(
    createElement(RosterTable, {
      locale,
      eventId: randomUUID(),
      stages: ['00-one-user', '01-split-database'],
      rows,
      now,
      fastForward: false,
    }),
  );
}

describe('the roster table', () => {
  const rows = [
    row('Ana', { onStageSince: minutesAgo(4) }),
    row('Bo', {
      onStageSince: minutesAgo(22),
      failingRequired: [{ id: 'ec2.elastic-ip', title: { en: 'The instance has a fixed address', ko: '고정 주소' } }],
    }),
  ];

  it('says who is stuck, for how long, and which required checks fail, by name', () => {
    const html = render('en', rows);
    expect(html).toMatch(/data-learner="Bo"[^>]*data-stuck="true"/);
    expect(html).toMatch(/data-learner="Ana"[^>]*data-stuck="false"/);
    expect(html).toContain('stuck for 22 min');
    expect(html).toContain('>4 min<');
    expect(html).toContain('The instance has a fixed address');
    expect(html).toContain('data-failing="ec2.elastic-ip"');
  });

  it('says it in Korean too, with a select box per learner for bulk unlock', () => {
    const html = render('ko', rows);
    expect(html).toContain('22분째 막힘');
    expect(html).toContain('고정 주소');
    expect(html).toContain('aria-label="Bo 선택"');
    expect(html).toContain('학습자 0명 선택됨');
  });
});

describe('the event timer', () => {
  const t = translator('en');
  const at = (iso: string) => Date.parse(iso);
  it('counts down to the start, then to the end, then says it ended', () => {
    const starts = '2025-03-01T09:00:00Z';
    const ends = '2025-03-01T12:30:00Z';
    expect(timerLabel(t, starts, ends, at('2025-03-01T08:15:00Z'))).toBe('starts in 45 min');
    expect(timerLabel(t, starts, ends, at('2025-03-01T10:00:00Z'))).toBe('2 h 30 min left');
    expect(timerLabel(t, starts, ends, at('2025-03-01T12:29:30Z'))).toBe('1 min left');
    expect(timerLabel(t, starts, ends, at('2025-03-01T12:30:00Z'))).toBe('ended');
    expect(timerLabel(t, null, null, now)).toBe('no end time set');
  });
  it('speaks Korean units', () => {
    expect(durationLabel(translator('ko'), 65 * 60_000)).toBe('1시간 05분');
  });
});

describe('the join QR code', () => {
  it('draws every dark module of the encoded link, with a quiet zone, and names itself', () => {
    const url = 'http://localhost:3000/en/join?code=ABC234';
    const html = renderToStaticMarkup(createElement(JoinQr, { url, label: 'QR code of the join link' }));
    const qr = encode(url, { ecc: 'M', border: 4 });
    const dark = qr.data.flat().filter(Boolean).length;
    expect(html).toContain(`viewBox="0 0 ${qr.size} ${qr.size}"`);
    expect(html.match(/h1v1h-1z/g)).toHaveLength(dark);
    expect(html).toContain('role="img"');
    expect(html).toContain('<title>QR code of the join link</title>');
    // The quiet zone: the first four rows are light.
    expect(qr.data.slice(0, 4).flat().some(Boolean)).toBe(false);
  });
});
