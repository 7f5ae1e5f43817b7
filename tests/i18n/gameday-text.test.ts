import { describe, expect, it } from 'vitest';
import { gamedayText } from '@/lib/i18n/messages-gameday';

describe("the game-day panel's strings", () => {
  it('fill placeholders and plurals the way every other message does', () => {
    const en = gamedayText('en');
    const one = { requests: 10, errors: 0, degraded: 0, inService: 1 };
    expect(en('gameday.summary', one)).toBe('10 requests, 0 errors, 0 without the database, 1 web instance in service');
    expect(en('gameday.summary', { ...one, inService: 2 })).toContain('2 web instances in service');
    expect(gamedayText('ko')('gameday.summary', one)).toContain('서비스 중인 웹 인스턴스 1개');
    // A value not given stays visible.
    expect(en('gameday.summary', {})).toContain('{requests} requests');
  });
});
