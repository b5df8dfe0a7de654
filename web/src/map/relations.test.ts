import { describe, expect, it } from 'vitest';
import { relationChoices } from './relations.ts';

describe('what a dragged link can mean', () => {
  it('actor → objective is a position', () => {
    expect(relationChoices({ id: 'a', kind: 'ACTOR' }, { id: 'o', kind: 'OBJECTIVE' })).toEqual([
      { type: 'Position', preset: { actorId: 'a', objectiveId: 'o', value: 2 } },
    ]);
  });
  it('objective → objective is a conflict or a convergence', () => {
    expect(relationChoices({ id: 'o1', kind: 'OBJECTIVE' }, { id: 'o2', kind: 'OBJECTIVE' }).map((c) => c.type)).toEqual([
      'Conflict',
      'Convergence',
    ]);
  });
  it('actor → actor is a cooperation or an influence', () => {
    expect(relationChoices({ id: 'a', kind: 'ACTOR' }, { id: 'b', kind: 'ACTOR' }).map((c) => c.type)).toEqual([
      'Cooperation',
      'Influence',
    ]);
  });
  it('objective → actor is a position or an externality on that actor', () => {
    const choices = relationChoices({ id: 'o', kind: 'OBJECTIVE' }, { id: 'a', kind: 'ACTOR' });
    expect(choices.find((c) => c.type === 'Externality')?.preset).toEqual({ objectiveId: 'o', affectedActorIds: ['a'] });
  });
  it('nothing joins a perimeter', () => {
    expect(relationChoices({ id: 'p', kind: 'PERIMETER' }, { id: 'a', kind: 'ACTOR' })).toEqual([]);
  });
});
