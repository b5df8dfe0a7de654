import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { entitySpec } from '../model/entities.ts';
import { END_OF_TIME } from '../time.ts';
import { applyPatch, checkNotInFuture, checkReferences, sameValue, updateDelta, type RefTarget } from './rules.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const target = (id: string, type: RefTarget['type'], validTo = END_OF_TIME): RefTarget => ({
  id,
  type,
  projectId: type === 'Actor' ? null : 'prj-1',
  territoryId: 'ter-1',
  validFrom: day('2020-01-01'),
  validTo,
});
const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.code : error;
  }
};

describe('write rules', () => {
  const spec = entitySpec('Position');
  const world = new Map(
    [target('act-1', 'Actor'), target('obj-1', 'Objective'), target('obj-2', 'Objective', day('2024-01-01'))].map((t) => [
      t.id,
      t,
    ]),
  );
  const check = (objectiveId: string, at = day('2023-01-01')) =>
    checkReferences(spec, 'pos-1', { actorId: 'act-1', objectiveId, value: 1 }, at, (id) => world.get(id));

  it('derives the scope from the references', () => {
    expect(check('obj-1').scope).toEqual({ projectId: 'prj-1', territoryId: 'ter-1' });
  });

  it('refuses a reference to an entity that has ended, even later than the date', () => {
    expect(codeOf(() => check('obj-2'))).toBe('DANGLING_REFERENCE');
    expect(codeOf(() => check('obj-nope'))).toBe('DANGLING_REFERENCE');
    expect(codeOf(() => check('obj-1', day('2019-06-01')))).toBe('DANGLING_REFERENCE');
    expect(codeOf(() => check('act-1'))).toBe('WRONG_REFERENCE_TYPE');
  });

  it('compares values as data, and records only what changed', () => {
    expect(sameValue(['A', 'B'], ['A', 'B'])).toBe(true);
    expect(sameValue(undefined, null)).toBe(true);
    const { changed, values } = applyPatch(spec, { actorId: 'act-1', objectiveId: 'obj-1', value: 1 }, { value: 1, note: 'x' });
    expect(changed).toEqual(['note']);
    expect(updateDelta(changed, { value: 1 }, values)).toEqual({
      fields: ['note'],
      before: { note: null },
      after: { note: 'x' },
    });
  });

  it('refuses a change of a fixed field and a date too far ahead', () => {
    expect(codeOf(() => applyPatch(entitySpec('Engagement'), { actorId: 'act-1' }, { actorId: 'act-2' }))).toBe('FIXED_FIELD');
    expect(codeOf(() => checkNotInFuture(day('2024-01-03'), day('2024-01-01')))).toBe('DATE_IN_FUTURE');
    expect(checkNotInFuture(day('2024-01-02'), day('2024-01-01'))).toEqual(day('2024-01-02'));
  });
});
