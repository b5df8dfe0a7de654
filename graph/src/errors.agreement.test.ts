import { describe, expect, it } from 'vitest';
import { ENTITIES } from './model/entities.ts';
import { parsePatch } from './model/validation.ts';
import { agree, countedFr, isDomainError } from './errors.ts';

const messageOf = (f: () => unknown): string => {
  try {
    f();
  } catch (error) {
    if (isDomainError(error)) return error.message;
    throw error;
  }
  throw new Error('no error');
};

describe('French agreement in messages', () => {
  it('agrees the verb with the label’s article and counts nouns without « (s) »', () => {
    expect(agree('le nom', 'est obligatoire', 'sont obligatoires')).toBe('est obligatoire');
    expect(agree('les dimensions de valeur', 'est obligatoire', 'sont obligatoires')).toBe('sont obligatoires');
    expect(countedFr(0, 'élément', 'éléments')).toBe('0 élément');
    expect(countedFr(1, 'élément', 'éléments')).toBe('1 élément');
    expect(countedFr(2, 'élément', 'éléments')).toBe('2 éléments');
  });

  it('says « les dimensions de valeur sont obligatoires », not « … est obligatoire »', () => {
    const message = messageOf(() => parsePatch(ENTITIES.Objective, { dimensions: [] }));
    expect(message).toBe('les dimensions de valeur sont obligatoires');
    expect(message).not.toMatch(/\(s\)| est obligatoire/);
    expect(messageOf(() => parsePatch(ENTITIES.Actor, { name: ' ' }))).toBe('le nom est obligatoire');
  });
});
