import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { ENTITIES } from './entities.ts';
import { checkEntityRules, isCalendarDate, parseCreateInput, parseEntityId, parsePatch } from './validation.ts';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe('parseCreateInput', () => {
  const position = ENTITIES.Position;

  it('accepts a complete position and fills optional fields with null', () => {
    expect(parseCreateInput(position, { actorId: 'act-a', objectiveId: 'obj-b', value: -3 })).toEqual({
      actorId: 'act-a',
      objectiveId: 'obj-b',
      value: -3,
      note: null,
    });
  });

  it.each([5, -5, 2.5])('refuses a position of %s with INVALID_POSITION and a French message', (value) => {
    expect(() => parseCreateInput(position, { actorId: 'act-a', objectiveId: 'obj-b', value })).toThrow(
      /la position doit être comprise entre -4 et 4|nombre entier/,
    );
    expect(codeOf(() => parseCreateInput(position, { actorId: 'act-a', objectiveId: 'obj-b', value }))).toBe('INVALID_POSITION');
  });

  it('refuses an empty or blank name', () => {
    expect(codeOf(() => parseCreateInput(ENTITIES.Actor, { territoryId: 'ter-a', name: '   ', kind: 'ELU' }))).toBe(
      'REQUIRED_FIELD',
    );
  });

  it('trims names and refuses names over the limit', () => {
    expect(parseCreateInput(ENTITIES.Actor, { territoryId: 'ter-a', name: '  AMAP  ', kind: 'ASSOCIATION' }).name).toBe('AMAP');
    expect(codeOf(() => parseCreateInput(ENTITIES.Actor, { territoryId: 'ter-a', name: 'x'.repeat(201), kind: 'ELU' }))).toBe(
      'TEXT_TOO_LONG',
    );
  });

  it('refuses an unknown enum value and an unknown field', () => {
    expect(codeOf(() => parseCreateInput(ENTITIES.Actor, { territoryId: 'ter-a', name: 'A', kind: 'PIRATE' }))).toBe(
      'INVALID_ENUM',
    );
    expect(codeOf(() => parseCreateInput(ENTITIES.Actor, { territoryId: 'ter-a', name: 'A', kind: 'ELU', age: 3 }))).toBe(
      'INVALID_FIELD',
    );
  });

  it('deduplicates value dimensions and requires at least one', () => {
    const base = { projectId: 'prj-a', title: 'T', nature: 'MATERIEL', confidential: false };
    expect(parseCreateInput(ENTITIES.Objective, { ...base, dimensions: ['SOCIAL', 'SOCIAL'] }).dimensions).toEqual(['SOCIAL']);
    expect(codeOf(() => parseCreateInput(ENTITIES.Objective, { ...base, dimensions: [] }))).toBe('REQUIRED_FIELD');
  });

  it('refuses malformed reference ids', () => {
    expect(codeOf(() => parseCreateInput(position, { actorId: 'Act A', objectiveId: 'obj-b', value: 1 }))).toBe('INVALID_ID');
  });
});

describe('parsePatch', () => {
  it('leaves undefined fields alone and clears optional fields given null', () => {
    expect(parsePatch(ENTITIES.Actor, { name: 'Nouveau nom', description: null, kind: undefined })).toEqual({
      name: 'Nouveau nom',
      description: null,
    });
  });

  it('refuses to clear a required field', () => {
    expect(codeOf(() => parsePatch(ENTITIES.Actor, { name: null }))).toBe('REQUIRED_FIELD');
  });
});

describe('checkEntityRules', () => {
  it('refuses a conflict between an objective and itself', () => {
    const values = parseCreateInput(ENTITIES.Conflict, {
      objectiveAId: 'obj-a',
      objectiveBId: 'obj-a',
      intensity: 2,
      status: 'IDENTIFIE',
      confidential: false,
    });
    expect(codeOf(() => checkEntityRules(ENTITIES.Conflict, values))).toBe('SAME_OBJECTIVE');
  });

  it('requires an arbitration text once a conflict is arbitrated', () => {
    const values = parseCreateInput(ENTITIES.Conflict, {
      objectiveAId: 'obj-a',
      objectiveBId: 'obj-b',
      intensity: 2,
      status: 'ARBITRE',
      confidential: false,
    });
    expect(codeOf(() => checkEntityRules(ENTITIES.Conflict, values))).toBe('ARBITRATION_REQUIRED');
    expect(
      codeOf(() => checkEntityRules(ENTITIES.Conflict, { ...values, arbitration: 'Partage des jours de marché' })),
    ).toBeUndefined();
  });

  it('refuses an influence of an actor on itself', () => {
    const values = parseCreateInput(ENTITIES.Influence, {
      projectId: 'prj-a',
      fromActorId: 'act-a',
      toActorId: 'act-a',
      value: 2,
    });
    expect(codeOf(() => checkEntityRules(ENTITIES.Influence, values))).toBe('SAME_ACTOR');
  });
});

describe('dates and ids', () => {
  it('recognises real calendar dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-2-1')).toBe(false);
  });

  it('accepts url-safe ids only', () => {
    expect(parseEntityId('act-malaunay-amap')).toBe('act-malaunay-amap');
    expect(codeOf(() => parseEntityId('act/../x'))).toBe('INVALID_ID');
  });
});

describe('strict input', () => {
  const actor = (name: string, description?: string) =>
    parseCreateInput(ENTITIES.Actor, {
      territoryId: 'ter-a',
      name,
      kind: 'ELU',
      ...(description === undefined ? {} : { description }),
    });

  it.each(['AMAP\u0000', 'A\u0007B', 'A\u001bB', 'A\u007fB', 'A\u0085B', 'A\tB', 'A\nB'])(
    'refuses the control character in a name (%j) with INVALID_TEXT naming the field',
    (name) => {
      expect(codeOf(() => actor(name))).toBe('INVALID_TEXT');
      expect(() => actor(name)).toThrow(/le nom contient un caractère de contrôle/);
    },
  );

  it('keeps tab and line breaks in long texts, refuses NUL there too', () => {
    expect(actor('AMAP', 'ligne 1\n\tligne 2\r\nfin').description).toBe('ligne 1\n\tligne 2\r\nfin');
    expect(codeOf(() => actor('AMAP', 'avant\u0000après'))).toBe('INVALID_TEXT');
  });

  it('refuses a lone surrogate, keeps real astral characters', () => {
    expect(codeOf(() => actor('A\ud800B'))).toBe('INVALID_TEXT');
    expect(actor('Jardin 🌱').name).toBe('Jardin 🌱');
  });

  it('refuses duplicate members with DUPLICATE_MEMBER and too few with TOO_FEW_ITEMS', () => {
    const ecosystem = (memberIds: string[]) =>
      parseCreateInput(ENTITIES.Ecosystem, { projectId: 'prj-a', name: 'Éco', memberIds });
    expect(codeOf(() => ecosystem(['act-a', 'act-a']))).toBe('DUPLICATE_MEMBER');
    expect(codeOf(() => ecosystem(['act-a', 'act-b', 'act-a']))).toBe('DUPLICATE_MEMBER');
    expect(codeOf(() => ecosystem(['act-a']))).toBe('TOO_FEW_ITEMS');
    expect(codeOf(() => ecosystem(['act-a', 'Pas Un Id']))).toBe('INVALID_ID');
    expect(ecosystem(['act-a', 'act-b']).memberIds).toEqual(['act-a', 'act-b']);
  });

  it.each(['0000-01-01', '9999-12-31', '1899-12-31', '2021-02-30'])('refuses the milestone date %s with INVALID_DATE', (date) => {
    expect(isCalendarDate(date)).toBe(false);
    expect(codeOf(() => parseCreateInput(ENTITIES.Milestone, { projectId: 'prj-a', name: 'Bilan', date }))).toBe('INVALID_DATE');
  });
});
