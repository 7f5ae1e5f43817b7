/**
 * The YAML parser's errors, said the way a person fixing the template needs them: which line, what is wrong with it
 * compared with the lines around it, and what to do — in English and Korean. The parser's own wording ("Nested
 * mappings are not allowed in compact mappings") names its grammar, not the learner's mistake.
 */
export interface YamlProblem {
  /** The `yaml` library's error code (BAD_INDENT, TAB_AS_INDENT, ...). */
  code: string;
  /** 1-based line and column the parser reported. */
  line: number;
  column: number;
  /** The parser's own message, used when no better sentence fits. */
  original: string;
}

export interface PlainMessage {
  en: string;
  ko: string;
}

const indentOf = (line: string) => line.length - line.trimStart().length;
const isContent = (line: string | undefined) => line !== undefined && line.trim() !== '' && !/^\s*#/.test(line);
const keyOf = (line: string) => /^\s*(?:- )?([^:#\s][^:#]*?):(?:\s|$)/.exec(line)?.[1];

/** The nearest line before `index` (0-based) that holds something. */
function previousContent(lines: string[], index: number): number | undefined {
  for (let i = index - 1; i >= 0; i--) if (isContent(lines[i])) return i;
  return undefined;
}

function nextContent(lines: string[], index: number): number | undefined {
  for (let i = index + 1; i < lines.length; i++) if (isContent(lines[i])) return i;
  return undefined;
}

export function plainYamlMessage(source: string, p: YamlProblem): PlainMessage {
  const lines = source.split(/\r?\n/);
  const at = p.line - 1;
  const text = lines[at] ?? '';
  switch (p.code) {
    case 'TAB_AS_INDENT':
      return {
        en: `Line ${p.line} is indented with a tab: YAML indents with spaces only (two per level in these templates).`,
        ko: `${p.line}번째 줄이 탭으로 들여쓰기되어 있습니다. YAML은 공백으로만 들여씁니다(이 템플릿은 한 단계에 두 칸).`,
      };
    case 'BAD_INDENT': {
      if (/Flow map|Flow sequence|end with a [}\]]/.test(p.original)) {
        return {
          en: `A { or [ opened before line ${p.line} is not closed: add the closing } or ] on the same line.`,
          ko: `${p.line}번째 줄 앞에서 연 { 또는 [ 가 닫히지 않았습니다. 같은 줄에 } 또는 ] 를 넣으세요.`,
        };
      }
      const prev = previousContent(lines, at);
      if (prev !== undefined) {
        const mine = indentOf(text);
        const theirs = indentOf(lines[prev] ?? '');
        return {
          en: `Line ${p.line} is indented ${mine} spaces but line ${prev + 1} above it ${theirs}: keys of one mapping start in the same column. Indent line ${p.line} by ${theirs} spaces to continue that mapping, or fewer to close it.`,
          ko: `${p.line}번째 줄은 ${mine}칸, 위의 ${prev + 1}번째 줄은 ${theirs}칸 들여쓰기되어 있습니다. 한 매핑의 키는 같은 열에서 시작합니다. 그 매핑을 이어 가려면 ${theirs}칸, 닫으려면 더 적게 들여쓰세요.`,
        };
      }
      break;
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // Two `key:` on one line (a pasted snippet joined onto its parent's line).
      if (/^\s*(?:- )?[^:#\s][^:#]*:\s+[^:#\s'"][^:#'"]*:(?:\s|$)/.test(text)) {
        return {
          en: `Line ${p.line} has two keys on one line: put the second one on its own line, indented two spaces more than the first.`,
          ko: `${p.line}번째 줄에 키가 두 개 있습니다. 두 번째 키를 새 줄로 옮기고 첫 번째 키보다 두 칸 더 들여쓰세요.`,
        };
      }
      const key = keyOf(text);
      const next = nextContent(lines, at);
      if (key && next !== undefined && indentOf(lines[next] ?? '') > indentOf(text)) {
        return {
          en: `Line ${next + 1} is indented one level too deep: line ${p.line} (${key}) already has its value. Indent line ${next + 1} like line ${p.line} (${indentOf(text)} spaces), or remove the value on line ${p.line} to nest under it.`,
          ko: `${next + 1}번째 줄이 한 단계 너무 깊게 들여쓰기되어 있습니다. ${p.line}번째 줄(${key})에는 이미 값이 있습니다. ${next + 1}번째 줄을 ${p.line}번째 줄처럼 ${indentOf(text)}칸 들여쓰거나, 그 아래에 넣으려면 ${p.line}번째 줄의 값을 지우세요.`,
        };
      }
      if (!text.includes(':')) {
        return {
          en: `Line ${p.line} (${text.trim()}) has no colon: a key needs one after it (${text.trim()}:).`,
          ko: `${p.line}번째 줄(${text.trim()})에 콜론이 없습니다. 키 뒤에는 콜론이 필요합니다(${text.trim()}:).`,
        };
      }
      break;
    }
    case 'DUPLICATE_KEY': {
      const key = keyOf(text) ?? text.trim();
      const first = lines.findIndex((l, i) => i < at && indentOf(l) === indentOf(text) && keyOf(l) === key);
      const where = first >= 0 ? ` (first on line ${first + 1})` : '';
      const whereKo = first >= 0 ? ` (처음 나온 곳: ${first + 1}번째 줄)` : '';
      return {
        en: `${key} appears twice in the same mapping${where}: each key once; rename one (logical ids are unique) or merge them.`,
        ko: `${key}가 같은 매핑에 두 번 있습니다${whereKo}. 키는 한 번만 씁니다. 하나의 이름을 바꾸거나(논리적 ID는 고유) 둘을 합치세요.`,
      };
    }
    case 'MISSING_CHAR':
      if (/quote/.test(p.original)) {
        return {
          en: `A quoted value is not closed before line ${p.line}: add the closing quote on the line where the value starts.`,
          ko: `${p.line}번째 줄 앞에서 시작한 따옴표 값이 닫히지 않았습니다. 값이 시작한 줄에 닫는 따옴표를 넣으세요.`,
        };
      }
      break;
  }
  return { en: p.original, ko: `YAML 구문 오류 (${p.line}번째 줄, ${p.column}열): ${p.original}` };
}
