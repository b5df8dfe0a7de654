import { partialMatchKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from './queryKeys.ts';

// A mutation invalidates by prefix: what an edit of a project changes must sit under that project's
// key (or its territory's), and nothing of another project or territory.
describe('the query keys', () => {
  it('put every read of a project under the project, at every date', () => {
    const edited = queryKeys.project('prj-a');
    for (const key of [
      queryKeys.projectView('prj-a', null, false),
      queryKeys.projectView('prj-a', '2019-03-01T23:59:59.999Z', true),
      queryKeys.projectLists('prj-a', null),
      queryKeys.projectMapAt('prj-a', '2018-12-01T23:59:59.999Z', false),
      queryKeys.projectDiff('prj-a', 'mil-1', 'mil-2'),
      queryKeys.projectAnalysis('prj-a', null),
    ])
      expect(partialMatchKey(key, edited)).toBe(true);
    expect(partialMatchKey(queryKeys.projectView('prj-b', null, false), edited)).toBe(false);
  });

  it('put the territory’s actors, milestones and review under the territory', () => {
    const edited = queryKeys.territory('ter-a');
    for (const key of [
      queryKeys.territoryActors('ter-a'),
      queryKeys.territoryMilestones('ter-a', null),
      queryKeys.territoryReview('ter-a', '2020-01-15', 'mil-x'),
    ])
      expect(partialMatchKey(key, edited)).toBe(true);
    expect(partialMatchKey(queryKeys.territoryActors('ter-b'), edited)).toBe(false);
    expect(partialMatchKey(queryKeys.territories(), edited)).toBe(false);
  });

  it('let the layout reach every date’s view of its project, and only views', () => {
    const views = queryKeys.projectViews('prj-a');
    expect(partialMatchKey(queryKeys.projectView('prj-a', null, true), views)).toBe(true);
    expect(partialMatchKey(queryKeys.projectLists('prj-a', null), views)).toBe(false);
  });
});
