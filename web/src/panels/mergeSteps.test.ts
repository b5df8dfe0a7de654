import { describe, expect, it } from 'vitest';
import type { MergeStepData } from '../api/merge.ts';
import { en } from '../i18n/en.ts';
import { fr, type Messages } from '../i18n/fr.ts';
import { stepText, visibleSteps } from './mergeSteps.ts';

const words = {
  entity: (type: string) => ({ Influence: 'Influence', Cooperation: 'Coopération', Objective: 'Objectif' })[type] ?? type,
  enumLabel: (value: string) => ({ MOTEUR: 'Moteur' })[value] ?? value,
  projectName: (id: string | null) => (id === 'prj-1' ? 'Marché' : ''),
};
const step = (s: Partial<MergeStepData>): MergeStepData => ({
  entityId: 'x',
  entityType: 'Position',
  action: 'MOVED',
  projectId: 'prj-1',
  title: 'Cantine bio',
  value: '-2',
  ...s,
});

describe('the merge preview in words', () => {
  it('says what moves, what is taken over and what ends, by label', () => {
    const t = fr as unknown as Messages;
    expect(stepText(step({}), 'AMAP', t, words)).toBe('Position -2 sur « Cantine bio » : passe à « AMAP »');
    expect(stepText(step({ value: '3', title: null }), 'AMAP', t, words)).toBe(
      'Position +3 sur « objectif confidentiel » : passe à « AMAP »',
    );
    expect(
      stepText(step({ entityType: 'Engagement', action: 'RECREATED', title: null, value: 'MOTEUR' }), 'AMAP', t, words),
    ).toBe('Engagement « Moteur » dans « Marché » : repris par « AMAP »');
    expect(stepText(step({ entityType: 'Cooperation', action: 'ENDED', title: 'Mairie' }), 'AMAP', t, words)).toBe(
      'Coopération avec « Mairie » : prend fin (doublon ou relation entre les deux)',
    );
    expect(stepText(step({}), 'AMAP', en, words)).toBe('Position -2 on “Cantine bio”: goes to “AMAP”');
  });

  it('says that the kept actor keeps its own engagement', () => {
    const t = fr as unknown as Messages;
    expect(stepText(step({ entityType: 'Engagement', action: 'ENDED', title: null, value: 'MOTEUR' }), 'AMAP', t, words)).toBe(
      'Engagement « Moteur » dans « Marché » : prend fin, celui de « AMAP » reste',
    );
  });

  it('shows an engagement ended and recreated as one line', () => {
    const steps = [
      step({ entityId: 'e', action: 'ENDED' }),
      step({ entityId: 'e', action: 'RECREATED' }),
      step({ entityId: 'p', action: 'ENDED' }),
    ];
    expect(visibleSteps(steps).map((s) => `${s.entityId}:${s.action}`)).toEqual(['e:RECREATED', 'p:ENDED']);
  });
});
