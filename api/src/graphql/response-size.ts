import type { Plugin } from 'graphql-yoga';
import { requestError } from './errors.ts';

/**
 * The largest answer one operation may send, in characters of its JSON (about bytes for the
 * mostly-ASCII text of a map): 64 Mi. A nested query can grow with the square of the database
 * (`territories { actors { territory { actors … } } }`: each actor repeats its territory's list);
 * past ~512 Mi characters V8 cannot even hold the JSON text, and long before that one request
 * fills the process's memory. No screen, export or script needs more: exports stream through
 * their own routes, the journal is paginated.
 */
export const DEFAULT_MAX_RESPONSE_CHARS = 64 * 1024 * 1024;

/**
 * Whether `value` serialised as JSON would exceed `max` characters — an estimate within a few
 * per cent (string escapes are not counted), computed by a walk that stops as soon as the
 * bound is passed, so a huge answer costs little to refuse. Shapes: plain JSON values (what an
 * execution result's `data` holds).
 */
export function exceedsJsonChars(value: unknown, max: number): boolean {
  let total = 0;
  // Containers still to walk; scalars are counted where they are met (no push, no pair arrays).
  const stack: object[] = [];
  const count = (item: unknown): void => {
    if (typeof item === 'string') total += item.length + 2;
    else if (typeof item === 'number') total += String(item).length;
    else if (typeof item === 'boolean') total += 5;
    else if (item === null || item === undefined) total += 4;
    else if (typeof item === 'object') stack.push(item);
  };
  count(value);
  while (stack.length > 0 && total <= max) {
    const item = stack.pop() as Record<string, unknown> | unknown[];
    if (Array.isArray(item)) {
      total += 2 + item.length;
      for (let i = 0; i < item.length; i++) count(item[i]);
    } else {
      total += 2;
      for (const key in item) {
        total += key.length + 4;
        count(item[key]);
      }
    }
  }
  return total > max;
}

/**
 * Refuses an answer larger than `maxChars` (JSON characters) with RESPONSE_TOO_LARGE, in place of
 * the data, instead of the INTERNAL_SERVER_ERROR its serialisation would end in. It wraps the
 * execution itself: listed before useMutationTransaction, a mutation whose answer is too large
 * is refused inside its transaction, which is then rolled back (nothing recorded). Streams
 * (subscriptions) pass: each of their events is one change's elements.
 */
export function useResponseSizeLimit(maxChars: number): Plugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const result = await executeFn(args);
        if (Symbol.asyncIterator in result || !result.data || !exceedsJsonChars(result.data, maxChars)) return result;
        return {
          data: null,
          errors: [
            requestError(
              'RESPONSE_TOO_LARGE',
              `la réponse dépasserait ${sizeInWords(maxChars)} : demandez moins de niveaux imbriqués ou moins de champs, ou paginez`,
              { max: maxChars },
            ),
          ],
        };
      });
    },
  };
}

/** 64 Mio, 4 Kio: a size as the message says it (French units). */
function sizeInWords(chars: number): string {
  return chars >= 1024 * 1024 ? `${Math.round(chars / (1024 * 1024))} Mio` : `${Math.max(1, Math.round(chars / 1024))} Kio`;
}
