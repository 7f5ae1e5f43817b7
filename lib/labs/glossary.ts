/** Matching for the workshop glossary (labs/glossary.ts): where a text uses a variant we decided against. */

export interface RejectedVariant {
  /** How the variant is shown to a writer. */
  variant: string;
  /** Regular expression source (Unicode, global) that finds the variant. */
  pattern: string;
  reason: string;
}

export interface GlossaryTerm {
  en: string;
  ko: string;
  note?: string;
  rejected: RejectedVariant[];
}

export interface GlossaryClaim {
  claim: string;
  patterns: { en: string; ko: string };
  reason: string;
}

export interface GlossaryHit {
  term: string;
  variant: string;
  reason: string;
  line: number;
  text: string;
}

function hits(text: string, pattern: string, flags: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  const lines = text.split('\n');
  lines.forEach((content, i) => {
    for (const m of content.matchAll(new RegExp(pattern, `gu${flags}`))) {
      found.push({ line: i + 1, text: content.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20) });
    }
  });
  return found;
}

/** Every rejected Korean variant the text contains, with its line. */
export function rejectedVariantsIn(text: string, terms: GlossaryTerm[]): GlossaryHit[] {
  return terms.flatMap((term) =>
    term.rejected.flatMap((r) =>
      hits(text, r.pattern, '').map((h) => ({
        term: `${term.en} → ${term.ko}`,
        variant: r.variant,
        reason: r.reason,
        ...h,
      })),
    ),
  );
}

/** Every refused claim the text makes in the given language. */
export function rejectedClaimsIn(text: string, claims: GlossaryClaim[], locale: 'en' | 'ko'): GlossaryHit[] {
  return claims.flatMap((c) =>
    hits(text, c.patterns[locale], 'i').map((h) => ({ term: c.claim, variant: c.claim, reason: c.reason, ...h })),
  );
}
