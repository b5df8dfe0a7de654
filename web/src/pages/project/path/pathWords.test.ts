import { describe, expect, it } from 'vitest';
import { lineValues } from './pathWords.ts';

const words = {
  t: { pathNoLevel: 'absent', pathAdded: 'ajouté', pathChanged: 'modifié', pathEnded: 'terminé' },
  enumLabel: (code: string) =>
    ({ INFORME: 'Informé', COOPERANT: 'Coopérant', MIS_AU_TRAVAIL: 'Mis au travail', ARBITRE: 'Arbitré' })[code] ?? code,
  entity: (type: string) => ({ Objective: 'Objectif' })[type] ?? type,
};

describe('lineValues', () => {
  it('says levels and statuses in words, never as codes', () => {
    expect(
      lineValues({ entityType: 'Engagement', change: 'CHANGED', from: 'INFORME', to: 'COOPERANT' }, 'engagementRose', words),
    ).toBe('Informé → Coopérant');
    expect(
      lineValues(
        { entityType: 'Conflict', change: 'CHANGED', from: 'MIS_AU_TRAVAIL', to: 'ARBITRE' },
        'conflictsArbitrated',
        words,
      ),
    ).toBe('Mis au travail → Arbitré');
    expect(lineValues({ entityType: 'Engagement', change: 'ADDED', from: null, to: 'INFORME' }, 'joined', words)).toBe('Informé');
  });

  it('signs positions with a true minus, and says when one is new or ended', () => {
    expect(lineValues({ entityType: 'Position', change: 'CHANGED', from: 1, to: -2 }, 'positionsMoved', words)).toBe('+1 → −2');
    expect(lineValues({ entityType: 'Position', change: 'ADDED', from: null, to: 3 }, 'positionsMoved', words)).toBe(
      'ajouté : +3',
    );
    expect(lineValues({ entityType: 'Position', change: 'ENDED', from: -2, to: null }, 'positionsMoved', words)).toBe(
      '−2 · terminé',
    );
  });

  it('names the kind of element and what happened among the other changes; nothing for a leap', () => {
    expect(lineValues({ entityType: 'Objective', change: 'ADDED', from: null, to: null }, 'other', words)).toBe(
      'Objectif · ajouté',
    );
    expect(lineValues({ entityType: 'SystemicLeap', change: 'ADDED', from: null, to: null }, 'leaps', words)).toBe(null);
  });
});
