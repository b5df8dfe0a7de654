import { useEffect, useEffectEvent } from 'react';
import { actionForKey, type ActionContext } from './actions.ts';

const FIELDS = ['INPUT', 'TEXTAREA', 'SELECT'];

/**
 * The editor's one keyboard handler: a key without modifier runs the registry's enabled action
 * for it (actions.ts). In a form field keys type text, and Escape leaves the field. Paused while
 * a dialog (the import) has the keyboard.
 */
export function useShortcuts(context: ActionContext, paused: boolean): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (FIELDS.includes(target.tagName)) {
      if (event.key === 'Escape') target.blur();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const action = actionForKey(event.key, context);
    if (!action) return;
    event.preventDefault(); // « / » would open the browser's quick find
    action.run(context);
  });
  useEffect(() => {
    if (paused) return;
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [paused]);
}
