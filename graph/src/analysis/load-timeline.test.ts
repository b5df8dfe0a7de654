import { describe, expect, it } from 'vitest';
import { engagementLoadTimeline, quarterMarks, type EngagementVersion } from './load-timeline.ts';

const d = (iso: string) => new Date(iso);
const OPEN = d('9999-12-31T00:00:00Z');

describe('quarterMarks', () => {
  it('lists quarter ends up to the review date, the last one partial', () => {
    const marks = quarterMarks(d('2025-02-10T00:00:00Z'), d('2025-11-30T12:00:00Z'));
    expect(marks.map((m) => [m.year, m.quarter, m.partial])).toEqual([
      [2025, 1, false],
      [2025, 2, false],
      [2025, 3, false],
      [2025, 4, true],
    ]);
    expect(marks[0]!.at.toISOString()).toBe('2025-03-31T23:59:59.999Z');
    expect(marks[2]!.at.toISOString()).toBe('2025-09-30T23:59:59.999Z');
    expect(marks[3]!.at.toISOString()).toBe('2025-11-30T12:00:00.000Z');
  });

  it('keeps the latest marks only, and a date on a quarter end is not partial', () => {
    const marks = quarterMarks(d('2020-01-01T00:00:00Z'), d('2022-12-31T23:59:59.999Z'), 4);
    expect(marks.map((m) => `${m.year}-T${m.quarter}`)).toEqual(['2022-T1', '2022-T2', '2022-T3', '2022-T4']);
    expect(marks.at(-1)!.partial).toBe(false);
    expect(() => quarterMarks(d('2025-01-02T00:00:00Z'), d('2025-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => quarterMarks(d('2025-01-01T00:00:00Z'), d('2025-01-02T00:00:00Z'), 0)).toThrow(RangeError);
  });
});

describe('engagementLoadTimeline', () => {
  const marks = quarterMarks(d('2025-01-01T00:00:00Z'), d('2025-12-31T23:59:59.999Z'));
  const recorded = d('2025-12-31T00:00:00Z');
  const v = (
    engagementId: string,
    actorId: string,
    projectId: string,
    level: string,
    from: string,
    to: string | null = null,
    recordedAt = recorded,
  ): EngagementVersion => ({
    engagementId,
    actorId,
    projectId,
    level,
    validFrom: d(from),
    validTo: to ? d(to) : OPEN,
    recordedAt,
  });

  const versions: EngagementVersion[] = [
    // Mairie: informée in cantine from January, coopérante from May; moteur in marché from August.
    v('e1', 'mairie', 'cantine', 'INFORME', '2025-01-15T00:00:00Z', '2025-05-01T00:00:00Z'),
    v('e1', 'mairie', 'cantine', 'COOPERANT', '2025-05-01T00:00:00Z'),
    v('e2', 'mairie', 'marche', 'MOTEUR', '2025-08-01T00:00:00Z'),
    // AMAP: participante in cantine all year, coopérante in marché during Q2 only (ended in July).
    v('e3', 'amap', 'cantine', 'PARTICIPANT', '2025-01-01T00:00:00Z'),
    v('e4', 'amap', 'marche', 'COOPERANT', '2025-04-01T00:00:00Z', '2025-07-01T00:00:00Z'),
    // Club: concerné in two projects — not a load.
    v('e5', 'club', 'cantine', 'CONCERNE', '2025-01-01T00:00:00Z'),
    v('e6', 'club', 'marche', 'CONCERNE', '2025-01-01T00:00:00Z'),
    // Ecole: a single project — below the threshold.
    v('e7', 'ecole', 'cantine', 'MOTEUR', '2025-01-01T00:00:00Z'),
  ];

  it('counts each actor’s projects and level at each quarter end', () => {
    const { quarters, rows } = engagementLoadTimeline(versions, marks);
    expect(quarters).toBe(marks);
    // Mairie peaks at 2 demanding projects (Q3, Q4); AMAP at 1 (Q2); club and ecole are left out.
    expect(rows.map((r) => r.actorId)).toEqual(['mairie', 'amap']);
    const [mairie, amap] = rows;
    expect(mairie!.cells).toEqual([
      { projectIds: ['cantine'], demanding: 0, level: 'INFORME' },
      { projectIds: ['cantine'], demanding: 1, level: 'COOPERANT' },
      { projectIds: ['cantine', 'marche'], demanding: 2, level: 'MOTEUR' },
      { projectIds: ['cantine', 'marche'], demanding: 2, level: 'MOTEUR' },
    ]);
    expect(mairie!.peakDemanding).toBe(2);
    expect(amap!.cells.map((c) => [c.projectIds.length, c.demanding, c.level])).toEqual([
      [1, 0, 'PARTICIPANT'],
      [2, 1, 'COOPERANT'],
      [1, 0, 'PARTICIPANT'],
      [1, 0, 'PARTICIPANT'],
    ]);
  });

  it('reads the version valid at the mark, the latest recorded when two overlap (a correction)', () => {
    const corrected = [
      v('e1', 'mairie', 'cantine', 'INFORME', '2025-01-01T00:00:00Z', null, d('2025-01-01T00:00:00Z')),
      // Recorded later, same validity: the correction wins.
      v('e1', 'mairie', 'cantine', 'MOTEUR', '2025-01-01T00:00:00Z', null, d('2025-06-01T00:00:00Z')),
      v('e2', 'mairie', 'marche', 'COOPERANT', '2025-01-01T00:00:00Z'),
    ];
    const { rows } = engagementLoadTimeline(corrected, marks);
    expect(rows[0]!.cells[0]).toEqual({ projectIds: ['cantine', 'marche'], demanding: 2, level: 'MOTEUR' });
  });

  it('counts two engagements of an actor in one project once, and follows the threshold', () => {
    const twice = [
      v('e1', 'mairie', 'cantine', 'COOPERANT', '2025-01-01T00:00:00Z'),
      v('e2', 'mairie', 'cantine', 'MOTEUR', '2025-01-01T00:00:00Z'),
    ];
    expect(engagementLoadTimeline(twice, marks).rows).toEqual([]);
    const [row] = engagementLoadTimeline(twice, marks, 1).rows;
    expect(row!.cells[0]).toEqual({ projectIds: ['cantine'], demanding: 1, level: 'MOTEUR' });
    expect(engagementLoadTimeline(versions, marks, 1).rows.map((r) => r.actorId)).toEqual(['mairie', 'amap', 'ecole']);
    expect(() => engagementLoadTimeline(versions, marks, 0)).toThrow(RangeError);
  });
});
