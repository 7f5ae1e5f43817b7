import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { GameDayPanel } from '@/components/gameday/game-day-panel';
import { drillsForStage } from '@/lib/gameday/drills';
import type { Locale } from '@/lib/i18n/locales';

const panel = (locale: Locale, real?: boolean) =>
  renderToStaticMarkup(
    createElement(GameDayPanel, {
      stageId: '05-decouple',
      locale,
      ...(real === undefined ? {} : { real }),
      drills: drillsForStage(5).map((d) => ({
        id: d.id,
        title: d.title[locale],
        summary: d.summary[locale],
        seconds: d.seconds,
        realAws: d.realAws,
      })),
    }),
  );

describe('the game-day panel on a real account and in the sandbox', () => {
  it('on a real account: says where the traffic goes, marks the sandbox-only drills, asks the stronger confirmation', () => {
    const out = panel('en', true);
    expect(out).toContain('the ScaleLab server sends a few requests a second to your lab’s own address');
    expect(out).toContain('I understand this drill stops or reboots real resources of my lab in my AWS account');
    expect(out.match(/Sandbox only: on a real fleet/g)).toHaveLength(2); // the spike and the workers
    expect(out).toMatch(/aria-describedby="[^"]*-traffic-spike-sandbox"/);
    expect(out).toContain('4 min<'); // real minutes, not "simulated"
  });

  it('in Korean on a real account', () => {
    const out = panel('ko', true);
    expect(out).toContain('실습이 내 AWS 계정에서 실행됩니다');
    expect(out).toContain('샌드박스 전용');
    expect(out).toContain('4분<');
  });

  it('in the sandbox (or before the page knows): every drill offered, on simulated time', () => {
    for (const out of [panel('en', false), panel('en')]) {
      expect(out).toContain('In the sandbox the drill plays on simulated time');
      expect(out).not.toContain('Sandbox only');
      expect(out).toContain('4 min simulated');
    }
  });
});
