import { InvalidArgumentError } from 'commander';
import { isDomainError, parseInstant } from '@trame/graph';

/** « 15/03/2021 »: the day as the French write it. */
const FRENCH_DAY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * The value of a `--date` option: a day `AAAA-MM-JJ`, an ISO 8601 instant, or a French day
 * `JJ/MM/AAAA` (midnight UTC, like `AAAA-MM-JJ`). Returns the instant. A value that is no date
 * (or a day the calendar lacks) is a usage error: commander's InvalidArgumentError, so the
 * command line exits 2 before connecting, with the French reason.
 */
export function parseDateOption(value: string): Date {
  const trimmed = value.trim();
  const french = FRENCH_DAY.exec(trimmed);
  const iso = french ? `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}` : trimmed;
  try {
    return parseInstant(iso, 'la date');
  } catch (error) {
    if (isDomainError(error)) {
      throw new InvalidArgumentError('un jour qui existe est attendu : AAAA-MM-JJ, JJ/MM/AAAA ou instant ISO 8601');
    }
    throw error;
  }
}
