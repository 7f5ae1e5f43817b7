/** RFC 4180 CSV, both ways: the roster is read with it, the CSV report is written with it. */

export interface CsvRecord {
  /** The physical line the record starts on (1-based), for messages that name the row. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Split CSV text into records: quoted fields (with `""` escapes and line breaks inside), LF or CRLF line ends, a
 * leading byte-order mark. Blank lines are skipped but still counted, so line numbers match an editor's.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const start = line;
    const fields: string[] = [];
    let field = '';
    let atFieldStart = true;
    let blank = true;
    let ended = false;
    while (i < src.length && !ended) {
      const ch = src[i] as string;
      if (atFieldStart && ch === '"') {
        blank = false;
        i++;
        let closed = false;
        while (i < src.length) {
          const c = src[i] as string;
          if (c === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (!closed) throw new CsvSyntaxError(start, 'a quoted field is never closed (missing ")');
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(line, `unexpected ${JSON.stringify(next)} after a closing quote`);
        }
        atFieldStart = false;
        continue;
      }
      if (ch === ',') {
        fields.push(field);
        field = '';
        atFieldStart = true;
        blank = false;
        i++;
      } else if (ch === '\r' || ch === '\n') {
        i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
        line++;
        ended = true;
      } else {
        if (ch === '"') throw new CsvSyntaxError(line, 'a quote inside an unquoted field (quote the whole field)');
        field += ch;
        atFieldStart = false;
        if (ch.trim()) blank = false;
        i++;
      }
    }
    fields.push(field);
    if (!blank) records.push({ line: start, fields });
  }
  return records;
}

/** Spreadsheets run a cell that starts with one of these as a formula (CSV injection): such cells get a `'`. */
const FORMULA = /^[=+@\t\r]|^-(?![\d.])/;

/** One CSV cell: quoted when it must be, and defused when a spreadsheet would read it as a formula. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}
