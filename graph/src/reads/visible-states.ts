import type { ManagedTransaction } from 'neo4j-driver';
import { readHiddenEntityIds } from '../access/hidden-entities.ts';
import { readsConfidential, redactProjectStates, scopeOfState, type Reader } from '../access/redaction.ts';
import type { ProjectState } from './project-state.ts';

/**
 * Confidentiality at the source (ADR 0004): the states of one project as `reader` may receive
 * them, computed in the caller's transaction. Unchanged (no extra read) when the reader reads
 * the project's confidential items, or when no reader is given — a trusted caller of the
 * domain (command line, bench, tests); the API always gives one. Otherwise one more round trip
 * (readHiddenEntityIds) and redactProjectStates over all the states together, so an item
 * confidential now, or at any of the states' dates, is hidden in every one of them.
 * `states` must all be of one project; `[]` gives `[]`.
 */
export async function visibleStatesOf(
  tx: ManagedTransaction,
  reader: Reader | null | undefined,
  states: readonly ProjectState[],
): Promise<ProjectState[]> {
  const first = states[0];
  if (!reader || !first || readsConfidential(reader, scopeOfState(first))) return [...states];
  const hiddenNow = await readHiddenEntityIds(tx, first.project.id);
  return redactProjectStates(states, { confidential: false, alsoHide: hiddenNow });
}
