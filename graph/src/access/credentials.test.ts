import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { checkCredentialName, checkExpiry } from './credential-names.ts';
import { normaliseDomain } from './domains.ts';
import { checkGrantScope } from './grants.ts';
import { checkPasswordRules, hashPassword, needsRehash, verifyPasswordHash } from './passwords.ts';
import { newSecret, secretHash, secretHint, secretKind } from './secrets.ts';
import { normaliseEmail } from './users.ts';

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('secrets', () => {
  it('are 256 random bits behind their prefix, hashed with SHA-256, recognised by prefix', () => {
    const a = newSecret('wallLink');
    const b = newSecret('wallLink');
    expect(a).toMatch(/^trame_mur_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(secretKind(a)).toBe('wallLink');
    expect(secretKind(newSecret('apiToken'))).toBe('apiToken');
    expect(secretKind('eyJhbGciOi')).toBeNull();
    expect(secretHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(secretHint(a, 'wallLink')).toBe(`${a.slice(0, 14)}…`);
  });
});

describe('passwords', () => {
  it('count code points: 12 accented letters pass, 11 do not, 257 are too many', () => {
    expect(() => checkPasswordRules('éééééééééééé')).not.toThrow();
    expect(codeOf(() => checkPasswordRules('ééééééééééé'))).toBe('PASSWORD_TOO_SHORT');
    expect(codeOf(() => checkPasswordRules('a'.repeat(257)))).toBe('PASSWORD_TOO_LONG');
  });

  it('hash with argon2id at the current parameters and verify in the library', async () => {
    const stored = await hashPassword('correct horse battery staple');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(stored)).toBe(false);
    expect(needsRehash(stored.replace('m=19456', 'm=8192'))).toBe(true);
    expect(needsRehash('$2b$10$bcrypt')).toBe(true);
    expect(await verifyPasswordHash(stored, 'correct horse battery staple')).toBe(true);
    expect(await verifyPasswordHash(stored, 'correct horse battery stapler')).toBe(false);
    expect(await verifyPasswordHash('not a hash', 'x')).toBe(false);
  });
});

describe('names, e-mails, domains, expiries and role scopes', () => {
  it('normalise or refuse with their codes', () => {
    expect(normaliseEmail('  Claire.Pilote@Ville-Malaunay.FR ')).toBe('claire.pilote@ville-malaunay.fr');
    expect(codeOf(() => normaliseEmail('claire@'))).toBe('INVALID_EMAIL');
    expect(normaliseDomain(' @Ville-Malaunay.FR')).toBe('ville-malaunay.fr');
    for (const bad of ['localhost', 'ville..fr', '-ville.fr', 'ville malaunay.fr'])
      expect(
        codeOf(() => normaliseDomain(bad)),
        bad,
      ).toBe('INVALID_EMAIL_DOMAIN');
    expect(checkCredentialName('  Salle du conseil ', 'le nom du lien mural')).toBe('Salle du conseil');
    expect(codeOf(() => checkCredentialName(' ', 'le nom'))).toBe('REQUIRED_FIELD');
    expect(codeOf(() => checkCredentialName('x'.repeat(201), 'le nom'))).toBe('TEXT_TOO_LONG');
    const now = new Date('2026-01-01T00:00:00Z');
    expect(checkExpiry(null, now)).toBeNull();
    expect(checkExpiry(new Date('2026-01-02T00:00:00Z'), now)).toEqual(new Date('2026-01-02T00:00:00Z'));
    expect(codeOf(() => checkExpiry(now, now))).toBe('INVALID_EXPIRY');
    expect(codeOf(() => checkExpiry(new Date('nope'), now))).toBe('INVALID_EXPIRY');
  });

  it('role scopes: administrateur none, pilote one project, relecteur one territory, atelier never granted', () => {
    expect(() => checkGrantScope({ role: 'ADMINISTRATEUR' })).not.toThrow();
    expect(() => checkGrantScope({ role: 'PILOTE', projectId: 'p' })).not.toThrow();
    expect(() => checkGrantScope({ role: 'RELECTEUR', territoryId: 't' })).not.toThrow();
    for (const bad of [
      { role: 'ADMINISTRATEUR', projectId: 'p' },
      { role: 'PILOTE' },
      { role: 'PILOTE', projectId: 'p', territoryId: 't' },
      { role: 'RELECTEUR', projectId: 'p' },
      { role: 'ATELIER', projectId: 'p' },
    ] as const) {
      expect(
        codeOf(() => checkGrantScope(bad as Parameters<typeof checkGrantScope>[0])),
        JSON.stringify(bad),
      ).toBe('INVALID_ROLE');
    }
  });
});
