import { describe, expect, it } from 'vitest';
import { lineDiff } from '@/lib/stacks/line-diff';

describe('the editor’s line diff', () => {
  it('marks a changed line as a removal then an addition, keeping the rest', () => {
    expect(lineDiff('a\nb\nc', 'a\nB\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'remove', text: 'b' },
      { kind: 'add', text: 'B' },
      { kind: 'same', text: 'c' },
    ]);
  });
  it('finds inserted blocks in the middle', () => {
    const d = lineDiff('x\ny', 'x\nnew1\nnew2\ny');
    expect(d.filter((l) => l.kind === 'add').map((l) => l.text)).toEqual(['new1', 'new2']);
    expect(d.filter((l) => l.kind === 'remove')).toEqual([]);
  });
  it('reports nothing changed for equal texts', () => {
    expect(lineDiff('a\nb', 'a\nb').every((l) => l.kind === 'same')).toBe(true);
  });
});
