import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { DomainError } from '../errors.ts';

/** Length bounds, in Unicode code points. The upper bound keeps hashing cost bounded. */
export const PASSWORD_RULES = { minLength: 12, maxLength: 256 } as const;

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 70 ms on
 * one core of the development machine. Raising them later is safe: hashes carry their
 * parameters, and a sign-in with an older hash rehashes it (needsRehash).
 */
export const ARGON2_PARAMS = {
  // Algorithm is an ambient const enum, which isolatedModules cannot read: 2 is Argon2id.
  algorithm: 2 as Algorithm,
  /** KiB. */
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** Throws PASSWORD_TOO_SHORT / PASSWORD_TOO_LONG with a French message. */
export function checkPasswordRules(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_RULES.minLength) {
    throw new DomainError(
      'PASSWORD_TOO_SHORT',
      `le mot de passe doit compter au moins ${PASSWORD_RULES.minLength} caractères (il en compte ${length})`,
      {
        min: PASSWORD_RULES.minLength,
      },
    );
  }
  if (length > PASSWORD_RULES.maxLength) {
    throw new DomainError('PASSWORD_TOO_LONG', `le mot de passe ne doit pas dépasser ${PASSWORD_RULES.maxLength} caractères`, {
      max: PASSWORD_RULES.maxLength,
    });
  }
}

/** Checks the rules, then hashes: a PHC string `$argon2id$v=19$m=…,t=…,p=…$salt$hash`. ~70 ms, off the event loop. */
export async function hashPassword(password: string): Promise<string> {
  checkPasswordRules(password);
  return hash(password, ARGON2_PARAMS);
}

/** Constant-time comparison inside the library; false (never a throw) for a malformed hash. */
export async function verifyPasswordHash(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** True when the stored hash is not argon2id with the current parameters. */
export function needsRehash(stored: string): boolean {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!match) return true;
  return (
    Number(match[1]) !== ARGON2_PARAMS.memoryCost ||
    Number(match[2]) !== ARGON2_PARAMS.timeCost ||
    Number(match[3]) !== ARGON2_PARAMS.parallelism
  );
}

let dummy: Promise<string> | null = null;

/**
 * Spends the time of one verification against a hash nobody knows the password of: called
 * when the e-mail is unknown (or has no password), so that the answer takes as long as a
 * wrong password and timing does not tell which accounts exist.
 */
export async function spendVerification(password: string): Promise<void> {
  dummy ??= hash('trame: no account has this password', ARGON2_PARAMS);
  await verifyPasswordHash(await dummy, password.slice(0, PASSWORD_RULES.maxLength * 4));
}
