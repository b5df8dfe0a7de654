import { DomainError } from '../errors.ts';
import { LIMITS } from '../model/limits.ts';

/**
 * The names a person gives a token or a wall link (« Script d'export », « Salle du conseil »):
 * trimmed, required, at most LIMITS.name characters; and their optional expiry, in the future.
 */
export function checkCredentialName(name: string, label: string): string {
  const value = name.trim();
  if (value === '') throw new DomainError('REQUIRED_FIELD', `${label} est obligatoire`, { field: 'name' });
  if (value.length > LIMITS.name) {
    throw new DomainError('TEXT_TOO_LONG', `${label} ne doit pas dépasser ${LIMITS.name} caractères`, {
      field: 'name',
      max: LIMITS.name,
    });
  }
  return value;
}

/** Throws INVALID_EXPIRY unless `expiresAt` is null or after `now`. */
export function checkExpiry(expiresAt: Date | null | undefined, now: Date): Date | null {
  if (expiresAt == null) return null;
  if (Number.isNaN(expiresAt.getTime()) || expiresAt.getTime() <= now.getTime()) {
    throw new DomainError(
      'INVALID_EXPIRY',
      `la date d'expiration (${Number.isNaN(expiresAt.getTime()) ? 'invalide' : expiresAt.toISOString()}) doit être dans le futur`,
      {
        field: 'expiresAt',
      },
    );
  }
  return expiresAt;
}
