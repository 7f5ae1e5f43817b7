import { describe, expect, it } from 'vitest';
import { particleAfter } from '@/lib/i18n/korean-particles';
import { translator } from '@/lib/i18n/messages';

describe('Korean particles after a placeholder', () => {
  it('chooses by the last syllable: a final consonant or not', () => {
    expect(particleAfter('스택', '을(를)')).toBe('을');
    expect(particleAfter('스테이지', '을(를)')).toBe('를');
    expect(particleAfter('검사', '은(는)')).toBe('는');
    expect(particleAfter('버킷', '이(가)')).toBe('이');
    expect(particleAfter('서버', '과(와)')).toBe('와');
  });

  it('takes 로 after ㄹ and after no final consonant, 으로 otherwise', () => {
    expect(particleAfter('서울', '(으)로')).toBe('로');
    expect(particleAfter('느슨하게 결합하기', '(으)로')).toBe('로');
    expect(particleAfter('고가용성 확보하기 절차', '(으)로')).toBe('로');
    expect(particleAfter('분리하기(데이터베이스)', '(으)로')).toBe('로');
    expect(particleAfter('데이터베이스 분리', '(으)로')).toBe('로');
    expect(particleAfter('첫날', '(으)로')).toBe('로');
    expect(particleAfter('부하 분산', '(으)로')).toBe('으로');
  });

  it('reads digits as Korean does (영, 일, 이, 삼, …)', () => {
    expect(particleAfter('스테이지 05', '을(를)')).toBe('를'); // 오
    expect(particleAfter('스테이지 03', '을(를)')).toBe('을'); // 삼
    expect(particleAfter('스테이지 01', '(으)로')).toBe('로'); // 일: ㄹ
    expect(particleAfter('스테이지 06', '(으)로')).toBe('으로'); // 육
  });

  it('keeps the written pair when the sound cannot be told', () => {
    expect(particleAfter('us-west-2a', '은(는)')).toBe('은(는)');
    expect(particleAfter('scalelab-lab', '을(를)')).toBe('을(를)');
    expect(particleAfter('', '을(를)')).toBe('을(를)');
  });

  it('is applied by the translator, only to the placeholder it follows', () => {
    const ko = translator('ko');
    expect(ko('locked.goTo', { prev: '스테이지 05 · 느슨하게 결합하기' })).toBe(
      '스테이지 05 · 느슨하게 결합하기로 이동',
    );
    expect(ko('reset.done', { n: '03' })).toContain('스테이지 03을 초기화했습니다');
    expect(ko('reset.done', { n: '02' })).toContain('스테이지 02를 초기화했습니다');
    // An unknown placeholder stays visible, with its pair.
    expect(ko('locked.goTo', {})).toBe('{prev}(으)로 이동');
  });
});
