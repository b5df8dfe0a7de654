import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.tsx';
import type { Action, ActionContext } from './actions.ts';

/** An action's label in the UI language. */
export function useActionLabel(): (action: Action) => string {
  const { t, entity } = useI18n();
  return (action) => (typeof action.label === 'string' ? t[action.label] : entity(action.label.entity));
}

/** A registry action as a button; `hint` shows its shortcut as the tooltip; `onRan` follows the action (a menu closes). */
export function ActionButton({
  action,
  context,
  hint,
  pressed,
  prefix,
  onRan,
}: {
  action: Action;
  context: ActionContext;
  hint?: boolean;
  pressed?: boolean;
  prefix?: ReactNode;
  onRan?(): void;
}) {
  const label = useActionLabel();
  return (
    <button
      type="button"
      aria-pressed={pressed}
      title={hint ? action.shortcut?.[0]?.toUpperCase() : undefined}
      onClick={() => {
        action.run(context);
        onRan?.();
      }}
    >
      {prefix}
      {label(action)}
    </button>
  );
}
