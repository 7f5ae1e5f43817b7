/**
 * Korean particles that depend on the word before them: 을/를, 은/는, 이/가, 과/와, 으로/로. A message writes the
 * pair after a placeholder (`{name}을(를)`, `{prev}(으)로`); once the word is known, the right one is chosen, as a
 * person would write it. A word whose last sound cannot be told (a Latin name, a symbol) keeps the written pair, the
 * usual Korean UI fallback.
 */

/** The pairs as messages write them, with the form after a final consonant (batchim) first. */
const PAIRS: Record<string, [withBatchim: string, without: string]> = {
  '을(를)': ['을', '를'],
  '은(는)': ['은', '는'],
  '이(가)': ['이', '가'],
  '과(와)': ['과', '와'],
  '(으)로': ['으로', '로'],
};

export const PARTICLE_PATTERN = '을\\(를\\)|은\\(는\\)|이\\(가\\)|과\\(와\\)|\\(으\\)로';

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;
/** Index of ㄹ among the 28 final consonants (0 = none). */
const RIEUL = 8;
/** How each digit is read (영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구): its final consonant, as an index (0 = none). */
const DIGIT_FINAL = [21, RIEUL, 0, 16, 0, 0, 1, RIEUL, RIEUL, 0];

/** The final consonant of the word's last sound (0 = none), or undefined when it cannot be told. */
function finalConsonant(word: string): number | undefined {
  const last = word
    .trimEnd()
    .replace(/[)\]”’"'.,!?]+$/u, '')
    .at(-1);
  if (!last) return undefined;
  const code = last.codePointAt(0) ?? 0;
  if (code >= HANGUL_FIRST && code <= HANGUL_LAST) return (code - HANGUL_FIRST) % 28;
  if (/[0-9]/.test(last)) return DIGIT_FINAL[Number(last)];
  return undefined;
}

/** The particle to write after `word` for a pair such as `을(를)`; the pair itself when the word's sound is unknown. */
export function particleAfter(word: string, pair: string): string {
  const forms = PAIRS[pair];
  if (!forms) return pair;
  const final = finalConsonant(word);
  if (final === undefined) return pair;
  // 으로/로: a word ending in ㄹ takes 로, like a word with no final consonant (서울로, 길로).
  if (pair === '(으)로') return final === 0 || final === RIEUL ? forms[1] : forms[0];
  return final === 0 ? forms[1] : forms[0];
}
