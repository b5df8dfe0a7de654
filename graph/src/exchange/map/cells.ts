import { isoDay } from '../../model/dates.ts';
import { ENTITIES, type FieldSpec } from '../../model/entities.ts';
import type { EntityType } from '../../model/enums.ts';
import type { FieldValue } from '../../model/validation.ts';
import type { Cell } from '../read/workbook.ts';
import { readDay } from './dates.ts';
import { enumFromLabel, enumLabel } from './labels.ts';
import type { ProblemCode, RowProblem } from './plan-types.ts';

/** The text a cell shows: dates as their day, numbers as written. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoDay(cell);
  if (typeof cell === 'boolean') return cell ? 'oui' : 'non';
  return String(cell).trim();
}

/** Column letters as spreadsheets name them: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const TRUE = ['oui', 'o', 'yes', 'y', 'vrai', 'true', '1', 'x'];
const FALSE = ['non', 'n', 'no', 'faux', 'false', '0'];

/**
 * One row being read: its cells by column key, and the problems found so far. Parsers return
 * the value in model form, or undefined when the column is absent (nothing to say about that
 * field), or null when the cell is blank or wrong (a problem is recorded when wrong).
 */
export class RowReader {
  readonly problems: RowProblem[] = [];

  constructor(
    readonly sheet: string,
    readonly line: number,
    private readonly cells: ReadonlyMap<string, { cell: Cell; header: string }>,
  ) {}

  has(key: string): boolean {
    return this.cells.has(key);
  }

  blank(key: string): boolean {
    const entry = this.cells.get(key);
    return !entry || cellText(entry.cell) === '';
  }

  raw(key: string): Cell | undefined {
    return this.cells.get(key)?.cell;
  }

  header(key: string): string | null {
    return this.cells.get(key)?.header ?? null;
  }

  /** « le nom manque », « les membres manquent ». */
  missing(label: string, more = ''): string {
    return `${label} ${label.startsWith('les ') ? 'manquent' : 'manque'}${more}`;
  }

  problem(key: string | null, code: ProblemCode, message: string): null {
    const header = key === null ? null : this.header(key);
    this.problems.push({
      sheet: this.sheet,
      line: this.line,
      column: header,
      code,
      message: header ? `colonne « ${header} » : ${message}` : message,
    });
    return null;
  }

  /** A field of the model read from column `key`: text, integer, boolean, enum, enum list or date. */
  field(key: string, type: EntityType, field: string): FieldValue | undefined {
    const spec = ENTITIES[type].fields[field]!;
    const entry = this.cells.get(key);
    if (!entry) return undefined;
    const text = cellText(entry.cell);
    if (text === '') {
      if (spec.required) return this.problem(key, 'MISSING_VALUE', this.missing(spec.label));
      return spec.kind === 'bool' ? false : null;
    }
    return this.parse(key, spec, entry.cell, text);
  }

  /** A required field whose column may be missing from the sheet: missing is a problem too. */
  requiredField(key: string, type: EntityType, field: string): FieldValue {
    const value = this.field(key, type, field);
    if (value === undefined) {
      const spec = ENTITIES[type].fields[field]!;
      return this.problem(null, 'MISSING_VALUE', this.missing(spec.label, ' (aucune colonne ne le donne)'));
    }
    return value;
  }

  private parse(key: string, spec: FieldSpec, cell: Cell, text: string): FieldValue {
    switch (spec.kind) {
      case 'text':
        if (text.length > spec.max) return this.problem(key, 'TEXT_TOO_LONG', `${spec.label} dépasse ${spec.max} caractères`);
        return text;
      case 'int': {
        const n =
          typeof cell === 'number' ? cell : /^[+-]?\d+([.,]0+)?$/.test(text) ? Number(text.replace(',', '.')) : Number.NaN;
        if (!Number.isInteger(n))
          return this.problem(key, 'INVALID_NUMBER', `${spec.label} « ${text} » n'est pas un nombre entier`);
        if (n < spec.min || n > spec.max)
          return this.problem(
            key,
            'OUT_OF_RANGE',
            `${spec.label} doit être comprise entre ${spec.min} et ${spec.max} (lu : ${n})`,
          );
        return n;
      }
      case 'bool': {
        if (typeof cell === 'boolean') return cell;
        const key2 = text.toLowerCase();
        if (TRUE.includes(key2)) return true;
        if (FALSE.includes(key2)) return false;
        return this.problem(key, 'INVALID_BOOLEAN', `${spec.label} « ${text} » se lit oui ou non`);
      }
      case 'enum': {
        const code = enumFromLabel(text, spec.values);
        if (code === null)
          return this.problem(
            key,
            'INVALID_ENUM',
            `${spec.label} « ${text} » n'est pas reconnu (valeurs permises : ${spec.values.map(enumLabel).join(', ')})`,
          );
        return code;
      }
      case 'enumList': {
        const codes: string[] = [];
        for (const part of splitList(text, true)) {
          const code = enumFromLabel(part, spec.values);
          if (code === null)
            return this.problem(
              key,
              'INVALID_ENUM',
              `${spec.label} : « ${part} » n'est pas reconnu (valeurs permises : ${spec.values.map(enumLabel).join(', ')})`,
            );
          if (!codes.includes(code)) codes.push(code);
        }
        if (codes.length < spec.minItems) return this.problem(key, 'MISSING_VALUE', this.missing(spec.label));
        return codes;
      }
      case 'date': {
        const day = readDay(cell);
        if (day && 'error' in day) return this.problem(key, 'INVALID_DATE', `${spec.label} « ${text} » ${day.error}`);
        return day?.day ?? null;
      }
      default:
        return text;
    }
  }

  /** A reference (an id or a name), required or not. */
  ref(key: string, label: string, required: boolean): string | null {
    const text = cellText(this.cells.get(key)?.cell ?? null);
    if (text === '') return required ? this.problem(this.has(key) ? key : null, 'MISSING_VALUE', this.missing(label)) : null;
    return text;
  }

  /** References separated by `|` (Kumu), `;` or line breaks. */
  refList(key: string, label: string): string[] | null {
    const text = cellText(this.cells.get(key)?.cell ?? null);
    const parts = splitList(text);
    if (parts.length === 0) return this.problem(this.has(key) ? key : null, 'MISSING_VALUE', this.missing(label));
    return parts;
  }

  /** The row's start and end days; an end before its start is a problem. */
  dates(): { start: string | null; end: string | null } {
    const read = (key: 'start' | 'end') => {
      const entry = this.cells.get(key);
      if (!entry) return null;
      const day = readDay(entry.cell);
      if (day && 'error' in day) return this.problem(key, 'INVALID_DATE', `la date « ${cellText(entry.cell)} » ${day.error}`);
      return day?.day ?? null;
    };
    const start = read('start');
    const end = read('end');
    if (start && end && end < start) {
      this.problem('end', 'DATE_ORDER', `la date de fin (${frenchDay(end)}) précède la date de début (${frenchDay(start)})`);
      return { start, end: null };
    }
    return { start, end };
  }
}

/** A list in one cell: `|` (Kumu), `;` or line breaks; commas too for closed vocabularies (not for names, which may hold one). */
export function splitList(text: string, commas = false): string[] {
  return text
    .split(commas ? /[|;\n]|,(?![^(]*\))/ : /[|;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function frenchDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
