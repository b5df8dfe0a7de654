import type { EntityType } from '@trame/graph/model';
import { CREATABLE } from '../../api/projectLists.ts';
import type { Messages } from '../../i18n/fr.ts';
import type { PanelMode } from '../../panels/SidePanel.tsx';

/**
 * The editor's actions, declared once: the toolbar's buttons, the side panel's « Ajouter » menu
 * and the keyboard handler all read this registry, so a shortcut and its button never disagree.
 * `enabled` is pure (tested without a browser); `run` calls the page's commands.
 */

/** What decides whether an action applies. */
export interface EditorState {
  /** A past date, a comparison or the workshop: nothing is edited. */
  readOnly: boolean;
  panel: PanelMode;
  drawMode: boolean;
}

/** What actions do, implemented by the page (useEditorCommands.ts). */
export interface EditorCommands {
  setPanel(mode: PanelMode): void;
  toggleDrawMode(): void;
  openImport(): void;
  focusSearch(): void;
  fit(): void;
  rearrange(): void;
  exportPng(): void;
  exportSvg(): void;
  /** The side panel's « Mettre fin »: asks for the date first, ends on the second call. */
  endSelected(): void;
}

export type ActionContext = EditorState & EditorCommands;

type MessageKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

export interface Action {
  id: string;
  /** A message key (French and English), or an entity type whose name is the label. */
  label: MessageKey | { entity: EntityType };
  /** KeyboardEvent.key values that run the action (no modifier). */
  shortcut?: readonly string[];
  enabled(state: EditorState): boolean;
  run(context: ActionContext): void;
  /** A toolbar action used now and then: in the « Plus d’actions » menu, so the bar fits one row. */
  inMenu?: boolean;
}

const editable = (state: EditorState) => !state.readOnly;
const always = () => true;

/** Keyboard shortcuts of the create actions; the others are in the menu only. */
const CREATE_SHORTCUTS: Partial<Record<EntityType, string>> = { Actor: 'a', Objective: 'o' };

/** « Ajouter » one entity of each creatable type; a new actor's engagement is the next form. */
export const CREATE_ACTIONS: readonly Action[] = CREATABLE.map((type) => {
  const key = CREATE_SHORTCUTS[type];
  return {
    id: `create.${type}`,
    label: { entity: type },
    ...(key ? { shortcut: [key] } : {}),
    enabled: editable,
    run: (c) => c.setPanel({ kind: 'create', type, preset: {}, ...(type === 'Actor' ? { next: 'engage' as const } : {}) }),
  };
});

/** « Engager un acteur du territoire »: an actor already in the territory enters this project (create menu). */
export const ENGAGE_ACTION: Action = {
  id: 'engage.territoryActor',
  label: 'engageTerritoryActor',
  enabled: editable,
  run: (c) => c.setPanel({ kind: 'create', type: 'Engagement', preset: {} }),
};

/** The toolbar's buttons, in their order. */
export const TOOLBAR_ACTIONS: readonly Action[] = [
  { id: 'relation.draw', label: 'newRelation', shortcut: ['l'], enabled: editable, run: (c) => c.toggleDrawMode() },
  { id: 'import.open', label: 'importWorkbook', enabled: editable, run: (c) => c.openImport(), inMenu: true },
  { id: 'map.rearrange', label: 'rearrange', enabled: always, run: (c) => c.rearrange(), inMenu: true },
  { id: 'export.png', label: 'exportPng', enabled: always, run: (c) => c.exportPng(), inMenu: true },
  { id: 'export.svg', label: 'exportSvg', enabled: always, run: (c) => c.exportSvg(), inMenu: true },
];

/** Keyboard-only actions (their buttons live elsewhere or nowhere). */
export const KEY_ACTIONS: readonly Action[] = [
  { id: 'panel.close', label: 'close', shortcut: ['Escape'], enabled: always, run: (c) => c.setPanel({ kind: 'idle' }) },
  { id: 'search.focus', label: 'search', shortcut: ['/'], enabled: always, run: (c) => c.focusSearch() },
  { id: 'map.fit', label: 'fit', shortcut: ['f'], enabled: always, run: (c) => c.fit() },
  {
    id: 'entity.end',
    label: 'end',
    shortcut: ['Delete', 'Backspace'],
    enabled: (s) => !s.readOnly && s.panel.kind === 'view',
    run: (c) => c.endSelected(),
  },
];

export const ACTIONS: readonly Action[] = [...KEY_ACTIONS, ...TOOLBAR_ACTIONS, ...CREATE_ACTIONS, ENGAGE_ACTION];

/** The enabled action a key runs, or null. */
export function actionForKey(key: string, state: EditorState, actions: readonly Action[] = ACTIONS): Action | null {
  return actions.find((action) => action.shortcut?.includes(key) && action.enabled(state)) ?? null;
}

export function actionById(id: string, actions: readonly Action[] = ACTIONS): Action {
  const action = actions.find((a) => a.id === id);
  if (!action) throw new Error(`unknown action ${id}`);
  return action;
}
