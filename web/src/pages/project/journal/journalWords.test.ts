import { describe, expect, it } from 'vitest';
import { changeLabel, fieldChanges, recordedIndex } from './journalWords.ts';

const names: Record<string, string> = { 'act-1': 'AMAP de Malaunay', 'obj-1': 'Clientèle fidèle' };
const titleOf = (id: string) => names[id] ?? null;
const words = {
  enumLabel: (code: string) => ({ INFORME: 'Informé', COOPERANT: 'Coopérant' })[code] ?? code,
  field: (_name: string, modelLabel: string) => modelLabel.replace(/^(le |la |l')/, ''),
  formatShortDate: (iso: string) => (iso === '2024-09-01' ? '1 sept. 2024' : iso),
};
const change = (over: Partial<Parameters<typeof changeLabel>[0]>) => ({
  entityId: 'eng-1',
  entityType: 'Engagement',
  op: 'UPDATE',
  fields: [] as string[],
  before: {},
  after: {},
  title: 'INFORME',
  ...over,
});

describe('the journal in words', () => {
  it('names an engagement by its actor, never by its level code or its id', () => {
    expect(changeLabel(change({ after: { actorId: 'act-1', level: 'INFORME' } }), titleOf)).toBe('AMAP de Malaunay');
    expect(changeLabel(change({ after: {} }), titleOf)).toBe('?');
  });

  it('names an ended position by what it joins', () => {
    expect(
      changeLabel(
        change({
          entityId: 'pos-1',
          entityType: 'Position',
          op: 'END',
          before: { actorId: 'act-1', objectiveId: 'obj-1', value: 2 },
        }),
        titleOf,
      ),
    ).toBe('AMAP de Malaunay → Clientèle fidèle');
  });

  it('says an update field by field, with labels for codes and names for references', () => {
    expect(
      fieldChanges(change({ fields: ['level'], before: { level: 'INFORME' }, after: { level: 'COOPERANT' } }), words, titleOf),
    ).toEqual(["niveau d'engagement : Informé → Coopérant"]);
    expect(
      fieldChanges(
        change({ entityType: 'Position', fields: ['value'], before: { value: 1 }, after: { value: -2 } }),
        words,
        titleOf,
      ),
    ).toEqual(['position : +1 → −2']);
    expect(fieldChanges(change({ op: 'CREATE', fields: ['level'] }), words, titleOf)).toEqual([]);
  });

  it('names an engagement ended with its actor from the changes loaded: its creation, and the actor’s recorded name', () => {
    const page = [
      change({ entityId: 'eng-9', op: 'END', title: 'PARTICIPANT' }),
      change({ entityId: 'act-9', entityType: 'Actor', op: 'END', title: 'Collectif des Glycines' }),
      change({ entityId: 'eng-9', op: 'CREATE', after: { actorId: 'act-9', level: 'PARTICIPANT' }, title: 'PARTICIPANT' }),
      change({ entityId: 'act-9', entityType: 'Actor', op: 'CREATE', title: 'Collectif des Glycines' }),
    ];
    const recorded = recordedIndex(page);
    const nameOf = (id: string) => titleOf(id) ?? recorded.title(id);
    expect(changeLabel(page[0]!, nameOf, recorded.values)).toBe('Collectif des Glycines');
    // An engagement's recorded title is its level: never taken for a name.
    expect(recorded.title('eng-9')).toBe(null);
  });
});
