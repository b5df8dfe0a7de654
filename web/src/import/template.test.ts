import { describe, expect, it } from 'vitest';
import { mapWorkbook, readWorkbook } from '@trame/graph/exchange';
import { templateCsv } from './template.ts';

describe('the import template', () => {
  it('reads back through the shared import engine as three actors with their engagements, in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      const csv = templateCsv(lang);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const plan = mapWorkbook(readWorkbook(new TextEncoder().encode(csv), `modele-${lang}.csv`));
      expect(plan.problems).toEqual([]);
      expect(plan.sheets[0]!.columns.filter((c) => c.ignored)).toEqual([]);
      expect(plan.rows.filter((r) => r.kind === 'Actor').map((r) => r.values.kind)).toEqual(['ELU', 'HABITANT', 'ASSOCIATION']);
      expect(plan.rows.filter((r) => r.kind === 'Engagement').map((r) => r.values.level)).toEqual([
        'MOTEUR',
        'CONCERNE',
        'COOPERANT',
      ]);
    }
  });
});
