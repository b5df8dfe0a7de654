import { describe, expect, it } from 'vitest';
import { changedFields, fieldError, formFields, initialValues, toInput } from './fields.ts';
import { entityTitle } from './titles.ts';

describe('forms from the model', () => {
  it('lists every field, and fixed ones as read-only when editing', () => {
    const create = formFields('Engagement', 'create');
    const edit = formFields('Engagement', 'edit');
    expect(create.map((f) => f.name)).toEqual(['actorId', 'projectId', 'level', 'role', 'perimeterId']);
    expect(edit.find((f) => f.name === 'actorId')?.editable).toBe(false);
    expect(edit.find((f) => f.name === 'level')?.editable).toBe(true);
  });

  it('validates inline with the messages of the API, as sentences', () => {
    expect(fieldError('Position', 'value', 6)).toBe('La position doit être comprise entre -4 et 4');
    expect(fieldError('Actor', 'name', '  ')).toBe('Le nom est obligatoire');
    expect(fieldError('Actor', 'name', 'AMAP')).toBeNull();
  });

  it('sends empty texts as null and numbers as numbers', () => {
    expect(toInput('Position', { actorId: 'act-a', objectiveId: 'obj-b', value: '3', note: ' ' })).toEqual({
      actorId: 'act-a',
      objectiveId: 'obj-b',
      value: 3,
      note: null,
    });
  });

  it('knows which fields an edit changed', () => {
    expect(changedFields({ level: 'INFORME', role: null }, { level: 'MOTEUR', role: null })).toEqual(['level']);
  });

  it('starts a new conflict with sensible defaults and the given presets', () => {
    expect(initialValues('Conflict', { objectiveAId: 'obj-a' })).toMatchObject({
      objectiveAId: 'obj-a',
      status: 'IDENTIFIE',
      intensity: 1,
      confidential: false,
    });
  });

  it('titles relations by what they join', () => {
    const names: Record<string, string> = { 'obj-a': 'Marché', 'obj-b': 'Paniers' };
    expect(
      entityTitle(
        { id: 'cfl-1', __typename: 'Conflict', objectiveAId: 'obj-a', objectiveBId: 'obj-b' },
        (id) => names[id] ?? null,
      ),
    ).toBe('Marché ↔ Paniers');
    expect(entityTitle({ id: 'act-1', __typename: 'Actor', name: 'AMAP' }, () => null)).toBe('AMAP');
  });
});
