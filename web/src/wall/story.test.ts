import { describe, expect, it } from 'vitest';
import type { MapEdge, MapNode } from '../map/types.ts';
import { buildSteps, captionPhrases, countsFromDelta, keyAction, storyDelta, type CaptionWords } from './story.ts';

const node = (id: string, kind: MapNode['kind'], data: Record<string, unknown> = {}, label = id): MapNode =>
  ({ id, kind, label, parent: null, entityVersion: 1, data }) as MapNode;
const edge = (id: string, kind: MapEdge['kind'], source: string, target: string, data: Record<string, unknown> = {}): MapEdge =>
  ({ id, kind, source, target, label: null, entityVersion: 1, data }) as MapEdge;

const WORDS: CaptionWords = {
  leap: (from, to) => `Saut systémique : ${from} → ${to}`,
  actorsJoined: (n) => `${n} arrivent`,
  actorsLeft: (n) => `${n} partent`,
  engagementGained: (n) => `${n} grandissent`,
  engagementLost: (n) => `${n} reculent`,
  conflictsNew: (n) => `${n} conflits`,
  conflictsArbitrated: (n) => `${n} arbitrés`,
  cooperationsNew: (n) => `${n} coopérations`,
  nothing: 'Rien',
};

describe('the story’s steps', () => {
  it('are the milestones by date, read at the end of their day, a chosen date among them, then now', () => {
    const steps = buildSteps(
      [
        { id: 'mil-b', name: 'Conseil', date: '2021-03-23' },
        { id: 'mil-a', name: 'Bilan', date: '2018-06-28' },
      ],
      '2019-05-14',
    );
    expect(steps.map((s) => s.key)).toEqual(['mil-a', 'date:2019-05-14', 'mil-b', 'now']);
    expect(steps[0]!.asOf).toBe('2018-06-28T23:59:59.999Z');
    expect(steps[3]).toMatchObject({ kind: 'now', asOf: null, date: null });
    // A chosen day that is a milestone's adds no step.
    expect(buildSteps([{ id: 'mil-a', name: 'Bilan', date: '2018-06-28' }], '2018-06-28')).toHaveLength(2);
  });

  it('move on a presenter’s clicker (PageDown / PageUp) as on the arrows; Escape clears', () => {
    expect(['ArrowRight', 'PageDown'].map(keyAction)).toEqual(['next', 'next']);
    expect(['ArrowLeft', 'PageUp'].map(keyAction)).toEqual(['previous', 'previous']);
    expect(keyAction('Escape')).toBe('clear');
    expect(keyAction('a')).toBeNull();
  });
});

describe('what changes between two steps', () => {
  const before = {
    nodes: [
      node('per-1', 'PERIMETER', {}, 'Cantine bio'),
      node('act-a', 'ACTOR', { engagementRank: 1 }),
      node('act-b', 'ACTOR', { engagementRank: 3 }),
      node('act-gone', 'ACTOR'),
      node('obj-1', 'OBJECTIVE'),
      node('obj-2', 'OBJECTIVE'),
    ],
    edges: [edge('cfl-1', 'CONFLICT', 'obj-1', 'obj-2', { status: 'MIS_AU_TRAVAIL' })],
  };
  const after = {
    nodes: [
      node('per-1', 'PERIMETER', {}, 'Cantine bio'),
      node('per-2', 'PERIMETER', {}, 'Bien-vivre alimentaire'),
      node('act-a', 'ACTOR', { engagementRank: 3 }),
      node('act-b', 'ACTOR', { engagementRank: 2 }),
      node('act-new', 'ACTOR'),
      node('obj-1', 'OBJECTIVE'),
      node('obj-2', 'OBJECTIVE'),
    ],
    edges: [
      edge('cfl-1', 'CONFLICT', 'obj-1', 'obj-2', { status: 'ARBITRE' }),
      edge('leap-1', 'LEAP', 'per-1', 'per-2'),
      edge('coop-1', 'COOPERATION', 'act-a', 'act-new'),
    ],
  };

  it('names what appears, ends, grows and shrinks, and the leap by its perimeters', () => {
    const delta = storyDelta(before, after);
    expect([...delta.appeared].sort()).toEqual(['act-new', 'coop-1', 'leap-1', 'per-2']);
    expect([...delta.ended]).toEqual(['act-gone']);
    expect([...delta.grown]).toEqual(['act-a']);
    expect([...delta.shrunk]).toEqual(['act-b']);
    expect([...delta.newPerimeters]).toEqual(['per-2']);
    expect(delta.leaps).toEqual([{ id: 'leap-1', from: 'Cantine bio', to: 'Bien-vivre alimentaire' }]);
    expect(countsFromDelta(delta)).toEqual({
      actorsJoined: 1,
      actorsLeft: 1,
      engagementGained: 1,
      engagementLost: 1,
      conflictsNew: 0,
      conflictsArbitrated: 1,
      cooperationsNew: 1,
      leaps: 1,
    });
  });

  it('has nothing to animate on the first step', () => {
    const delta = storyDelta(null, after);
    expect(delta.appeared.size + delta.ended.size + delta.leaps.length).toBe(0);
  });

  it('captions the leaps first, then the counts that are not zero, or says nothing changed', () => {
    const delta = storyDelta(before, after);
    expect(captionPhrases(countsFromDelta(delta), delta.leaps, WORDS)).toEqual([
      'Saut systémique : Cantine bio → Bien-vivre alimentaire',
      '1 arrivent',
      '1 grandissent',
      '1 reculent',
      '1 partent',
      '1 arbitrés',
    ]);
    expect(captionPhrases(countsFromDelta(storyDelta(after, after)), [], WORDS)).toEqual(['Rien']);
  });
});
