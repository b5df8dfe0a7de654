import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { mapWorkbook } from './plan.ts';
import { readWorkbook } from '../read/workbook.ts';

const KINDS = ['Élu', 'Service', 'Entreprise', 'Association', 'Habitants', 'Institution', 'Tiers', 'Financeur'];
const LEVELS = ['Concerné non impliqué', 'Informé', 'Participant', 'Coopérant', 'Moteur'];
const ROWS = 10_000;

function actorRows(): (string | number)[][] {
  const rows: (string | number)[][] = [['Nom', 'Type', 'Niveau', 'Description', "Date d'entrée"]];
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      `Acteur ${i}`,
      KINDS[i % KINDS.length]!,
      LEVELS[i % LEVELS.length]!,
      `Description de l'acteur ${i}, avec une virgule`,
      `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2024`,
    ]);
  }
  return rows;
}

describe('10,000 rows in one file', () => {
  it('an .xlsx of 10,000 actor rows is read and mapped, every row, no problem', { timeout: 60_000 }, () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(actorRows()), 'Acteurs');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
    const plan = mapWorkbook(readWorkbook(bytes, 'grand.xlsx'));
    expect(plan.problems).toEqual([]);
    expect(plan.rows.filter((r) => r.kind === 'Actor')).toHaveLength(ROWS);
    expect(plan.rows.filter((r) => r.kind === 'Engagement')).toHaveLength(ROWS);
    const last = plan.rows[plan.rows.length - 1]!;
    expect(last).toMatchObject({
      line: ROWS + 1,
      kind: 'Engagement',
      values: { level: 'MOTEUR' },
      refs: { actorId: `Acteur ${ROWS - 1}` },
      start: '2024-01-04',
    });
  });

  it('a CSV of 10,000 rows (Windows-1252, `;`) likewise', { timeout: 60_000 }, () => {
    const text = actorRows()
      .map((row) => row.map((cell) => (String(cell).includes(',') ? `"${cell}"` : cell)).join(';'))
      .join('\r\n');
    const decoder = new TextDecoder('windows-1252');
    const table = new Map<string, number>();
    for (let b = 0; b < 256; b++) table.set(decoder.decode(new Uint8Array([b])), b);
    const bytes = Uint8Array.from([...text].map((ch) => table.get(ch)!));
    const plan = mapWorkbook(readWorkbook(bytes, 'grand.csv'));
    expect(plan.encoding?.encoding).toBe('windows-1252');
    expect(plan.separator).toBe(';');
    expect(plan.problems).toEqual([]);
    expect(plan.rows.filter((r) => r.kind === 'Actor').map((r) => r.values.kind)).toHaveLength(ROWS);
    expect(plan.rows[2]).toMatchObject({
      kind: 'Actor',
      values: { name: 'Acteur 1', kind: 'SERVICE', description: "Description de l'acteur 1, avec une virgule" },
    });
  });
});
