import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { serverErrorText } from './serverErrors.ts';

const titles: Record<string, string> = { 'act-1': 'Union des commerçants' };
const titleOf = (id: string) => titles[id] ?? null;

describe('server errors in words', () => {
  it('keep the server’s French message in French, with titles for ids and French dates', () => {
    const error = new ApiError("l'acteur « act-1 » n'existe pas au 2024-09-01", 'DANGLING_REFERENCE', {
      field: 'actorId',
      id: 'act-1',
    });
    expect(serverErrorText(error, 'fr', titleOf)).toBe("L'acteur « Union des commerçants » n'existe pas au 1 sept. 2024");
  });

  it('say the refusal in English from its code and extensions, never in French', () => {
    const early = new ApiError('la date d’effet 1 sept. 2024 précède…', 'DATE_BEFORE_LAST_CHANGE', {
      latestFrom: '2025-03-04T00:00:00.000Z',
      at: '2024-09-01T00:00:00.000Z',
      entityType: 'Objective',
      title: 'Clientèle fidèle',
    });
    expect(serverErrorText(early, 'en', titleOf)).toBe(
      'The effective date (1 Sept 2024) is before the last recorded change of the objective “Clientèle fidèle” (4 Mar 2025).',
    );
    const missing = new ApiError('le nom est obligatoire', 'REQUIRED_FIELD', { field: 'name' });
    expect(serverErrorText(missing, 'en')).toBe('Name is required.');
    const conflict = new ApiError('…', 'VERSION_CONFLICT', { current: { __typename: 'Actor', id: 'act-1', version: 3 } });
    expect(serverErrorText(conflict, 'en', titleOf)).toBe(
      'The actor “Union des commerçants” was changed by someone since you read it: read it again and re-apply your change.',
    );
    const revert = new ApiError('…', 'REVERT_NOT_APPLICABLE', {
      op: 'END',
      validFrom: '2024-09-01T00:00:00.000Z',
      entityType: 'Actor',
      title: 'Union des commerçants',
    });
    expect(serverErrorText(revert, 'en')).toBe(
      'The end of 1 Sept 2024 of the actor “Union des commerçants” can no longer be undone: it has changed since.',
    );
  });

  it('fall back to the server’s message for a code it does not know', () => {
    expect(serverErrorText(new ApiError('message du serveur', 'SOMETHING_NEW'), 'en')).toBe('Message du serveur');
    expect(serverErrorText(new Error('plain'), 'en')).toBe('plain');
  });
});
