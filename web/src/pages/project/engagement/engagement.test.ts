import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client.ts';
import { ENGAGEMENT_TEXT, shortDate } from '../../../i18n/engagement.ts';
import { errorText } from './errorText.ts';
import { humanise } from '../../../i18n/serverErrors.ts';
import { levelSteps, newActorId } from './useEngagementData.ts';

const fr = ENGAGEMENT_TEXT.fr;
const titles: Record<string, string> = { 'act-10uzsap4tp8': 'Union des commerçants', 'prj-marche': 'Marché de producteurs' };
const titleOf = (id: string) => titles[id] ?? null;

describe('the engagement panel’s pure parts', () => {
  it('reads the level steps off the change log, oldest first, without repeats', () => {
    const steps = levelSteps([
      { validFrom: '2025-03-15T00:00:00.000Z', after: { level: 'COOPERANT' } },
      { validFrom: '2024-09-01T00:00:00.000Z', after: { level: 'CONCERNE', actorId: 'act-x' } },
      { validFrom: '2024-12-01T00:00:00.000Z', after: { role: 'Anime' } },
      { validFrom: '2025-01-10T00:00:00.000Z', after: { level: 'INFORME' } },
      { validFrom: '2025-02-01T00:00:00.000Z', after: { level: 'INFORME' } },
    ]);
    expect(steps.map((s) => `${s.level} ${s.validFrom.slice(0, 10)}`)).toEqual([
      'CONCERNE 2024-09-01',
      'INFORME 2025-01-10',
      'COOPERANT 2025-03-15',
    ]);
  });

  it('moves a corrected change to its new date; the level recorded later holds at the same instant', () => {
    const steps = levelSteps([
      { id: 'c1', validFrom: '2024-09-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00Z', after: { level: 'PARTICIPANT' } },
      { id: 'c2', validFrom: '2025-03-15T00:00:00.000Z', recordedAt: '2026-01-02T00:00:00Z', after: { level: 'COOPERANT' } },
      {
        id: 'c3',
        validFrom: '2025-01-10T00:00:00.000Z',
        recordedAt: '2026-01-03T00:00:00Z',
        fields: ['validFrom'],
        after: { validFrom: '2025-01-10T00:00:00.000Z' },
        revertOf: 'c2',
      },
      { id: 'c4', validFrom: '2025-01-10T00:00:00.000Z', recordedAt: '2026-01-03T00:00:00Z', after: { level: 'MOTEUR' } },
    ]);
    expect(steps.map((s) => `${s.level} ${s.validFrom.slice(0, 10)}`)).toEqual(['PARTICIPANT 2024-09-01', 'MOTEUR 2025-01-10']);
  });

  it('writes dates as a pilot reads them', () => {
    expect(shortDate('2024-09-01', 'fr')).toBe('1 sept. 2024');
    expect(shortDate('2025-03-15T00:00:00.000Z', 'fr')).toBe('15 mars 2025');
  });

  it('names things by label and French date, never by id, code or ISO date', () => {
    const raw = 'l’acteur « act-10uzsap4tp8 » n’existe pas au 2024-09-01 (valide du 2026-11-30)';
    expect(humanise(raw, 'fr', titleOf)).toBe(
      'l’acteur « Union des commerçants » n’existe pas au 1 sept. 2024 (valide du 30 nov. 2026)',
    );
    const before = new ApiError('…', 'DATE_BEFORE_LAST_CHANGE', { latestFrom: '2025-03-15T00:00:00.000Z' });
    const text = errorText(before, fr, 'fr', { validFrom: '2025-01-10', what: fr.thisEngagement, titleOf });
    expect(text).toContain('10 janv. 2025');
    expect(text).toContain('15 mars 2025');
    expect(text).not.toMatch(/DATE_|\d{4}-\d{2}/);
    const dangling = new ApiError('…', 'DANGLING_REFERENCE', { field: 'actorId', id: 'act-10uzsap4tp8' });
    expect(errorText(dangling, fr, 'fr', { validFrom: '2024-09-01', what: '', actorName: 'Union', titleOf })).toBe(
      fr.errActorNotYet('Union', '1 sept. 2024'),
    );
  });

  it('chooses actor ids the API accepts', () => {
    expect(newActorId()).toMatch(/^act-[a-z0-9]{16}$/);
    expect(newActorId()).not.toBe(newActorId());
  });
});
