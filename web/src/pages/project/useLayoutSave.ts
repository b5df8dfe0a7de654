import { useCallback, useRef } from 'react';
import { useSaveLayout } from '../../api/mutations.ts';
import type { Positions } from '../../map/layout.ts';

/** Quiet time after the last move before the arrangement is saved, in milliseconds. */
const SAVE_DELAY_MS = 600;

/**
 * The map's arrangement, saved a moment after the pilot stops moving nodes (never when read-only).
 * Returns the callback for MapCanvas's `onArranged`; `onSaved` runs after a save the pilot caused
 * (a drag, « Réorganiser »), not after the map arranged itself on opening (no toast without an action).
 */
export function useLayoutSave(
  projectId: string,
  readOnly: boolean,
  onSaved: () => void,
): (positions: Positions, byUser: boolean) => void {
  const { mutate } = useSaveLayout(projectId);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  return useCallback(
    (positions: Positions, byUser: boolean) => {
      if (readOnly) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => mutate(positions, byUser ? { onSuccess: onSaved } : {}), SAVE_DELAY_MS);
    },
    [mutate, readOnly, onSaved],
  );
}
