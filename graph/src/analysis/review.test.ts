import { describe, expect, it } from 'vitest';
import { engagementLoad, tensionAge } from './review.ts';

describe('engagementLoad', () => {
  const engagements = [
    { actorId: 'mairie', projectId: 'cantine', level: 'MOTEUR' },
    { actorId: 'mairie', projectId: 'mobilite', level: 'COOPERANT' },
    { actorId: 'mairie', projectId: 'energie', level: 'MOTEUR' },
    { actorId: 'amap', projectId: 'cantine', level: 'COOPERANT' },
    { actorId: 'amap', projectId: 'mobilite', level: 'MOTEUR' },
    { actorId: 'amap', projectId: 'mobilite', level: 'COOPERANT' }, // same project again: counts once
    { actorId: 'amap', projectId: 'energie', level: 'PARTICIPANT' }, // not demanding
    { actorId: 'cc', projectId: 'cantine', level: 'MOTEUR' },
    { actorId: 'cc', projectId: 'energie', level: 'COOPERANT' },
    { actorId: 'ecole', projectId: 'cantine', level: 'MOTEUR' }, // one project only
    { actorId: 'club', projectId: 'cantine', level: 'INFORME' },
  ];

  it('lists actors cooperating or leading in at least two projects, most loaded first', () => {
    // mairie 3 projects; amap 2 (cantine, mobilite); cc 2 → amap before cc by id; ecole 1 is below.
    expect(engagementLoad(engagements)).toEqual([
      { actorId: 'mairie', projectIds: ['cantine', 'energie', 'mobilite'], count: 3 },
      { actorId: 'amap', projectIds: ['cantine', 'mobilite'], count: 2 },
      { actorId: 'cc', projectIds: ['cantine', 'energie'], count: 2 },
    ]);
  });

  it('follows the threshold', () => {
    expect(engagementLoad(engagements, 3).map((l) => l.actorId)).toEqual(['mairie']);
    expect(engagementLoad(engagements, 1).map((l) => l.actorId)).toEqual(['mairie', 'amap', 'cc', 'ecole']);
    expect(engagementLoad([], 1)).toEqual([]);
    expect(() => engagementLoad(engagements, 0)).toThrow(RangeError);
  });
});

describe('tensionAge', () => {
  it('counts whole days since identification and in the current status', () => {
    // 2021-03-01 → 2021-06-15T12:00: 31 + 30 + 31 + 14 = 106 days and a half → 106.
    // 2021-06-01T18:00 → 2021-06-15T12:00: 13 days 18 hours → 13.
    expect(
      tensionAge(
        { identifiedAt: new Date('2021-03-01T00:00:00Z'), statusSince: new Date('2021-06-01T18:00:00Z') },
        new Date('2021-06-15T12:00:00Z'),
      ),
    ).toEqual({ daysSinceIdentified: 106, daysInStatus: 13 });
  });

  it('gives 0 on the day itself', () => {
    const day = new Date('2022-01-01T00:00:00Z');
    expect(tensionAge({ identifiedAt: day, statusSince: day }, new Date('2022-01-01T23:59:59Z'))).toEqual({
      daysSinceIdentified: 0,
      daysInStatus: 0,
    });
  });

  it('refuses a date before the conflict or an invalid date', () => {
    const conflict = { identifiedAt: new Date('2022-01-10T00:00:00Z'), statusSince: new Date('2022-01-10T00:00:00Z') };
    expect(() => tensionAge(conflict, new Date('2022-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => tensionAge(conflict, new Date('nope'))).toThrow(RangeError);
  });
});
