import { describe, expect, it, vi } from 'vitest';
import type { EntityData } from '../../api/entities.ts';
import { CREATABLE } from '../../api/projectLists.ts';
import {
  ACTIONS,
  CREATE_ACTIONS,
  TOOLBAR_ACTIONS,
  actionById,
  actionForKey,
  type ActionContext,
  type EditorState,
} from './actions.ts';

const entity = { id: 'act-x', version: 1, validFrom: '2024-01-01T00:00:00Z', validTo: null, __typename: 'Actor' } as EntityData;
const editing: EditorState = { readOnly: false, panel: { kind: 'idle' }, drawMode: false };
const viewing: EditorState = { ...editing, panel: { kind: 'view', entity } };
const reading: EditorState = { ...viewing, readOnly: true };

function context(state: EditorState): ActionContext {
  return {
    ...state,
    setPanel: vi.fn(),
    toggleDrawMode: vi.fn(),
    openImport: vi.fn(),
    focusSearch: vi.fn(),
    fit: vi.fn(),
    rearrange: vi.fn(),
    exportPng: vi.fn(),
    exportSvg: vi.fn(),
    endSelected: vi.fn(),
  };
}

describe('the editor’s action registry', () => {
  it('gives every action one id and a label, and every shortcut to one action', () => {
    const ids = ACTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = ACTIONS.flatMap((a) => a.shortcut ?? []);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(['/', 'Backspace', 'Delete', 'Escape', 'a', 'f', 'l', 'o']);
  });

  it('ends the selected entity with Delete or Backspace, only when one is shown and the map is editable', () => {
    expect(actionForKey('Delete', viewing)?.id).toBe('entity.end');
    expect(actionForKey('Backspace', viewing)?.id).toBe('entity.end');
    expect(actionForKey('Delete', editing)).toBeNull();
    expect(actionForKey('Delete', reading)).toBeNull();
    const c = context(viewing);
    actionForKey('Delete', viewing)!.run(c);
    expect(c.endSelected).toHaveBeenCalledOnce();
  });

  it('keeps reading, searching, fitting and exporting when read-only, and nothing that writes', () => {
    expect(actionForKey('Escape', reading)?.id).toBe('panel.close');
    expect(actionForKey('/', reading)?.id).toBe('search.focus');
    expect(actionForKey('f', reading)?.id).toBe('map.fit');
    for (const key of ['a', 'o', 'l']) expect(actionForKey(key, reading)).toBeNull();
    expect(TOOLBAR_ACTIONS.filter((a) => a.enabled(reading)).map((a) => a.id)).toEqual([
      'map.rearrange',
      'export.png',
      'export.svg',
    ]);
    expect(CREATE_ACTIONS.filter((a) => a.enabled(reading))).toEqual([]);
  });

  it('opens the create form: a new actor is followed by its engagement', () => {
    const c = context(editing);
    actionForKey('a', editing)!.run(c);
    expect(c.setPanel).toHaveBeenCalledWith({ kind: 'create', type: 'Actor', preset: {}, next: 'engage' });
    actionForKey('o', editing)!.run(c);
    expect(c.setPanel).toHaveBeenLastCalledWith({ kind: 'create', type: 'Objective', preset: {} });
    expect(CREATE_ACTIONS.map((a) => a.label)).toEqual(CREATABLE.map((type) => ({ entity: type })));
  });

  it('toggles the relation drawing with L and closes the panel with Escape', () => {
    const c = context(editing);
    actionForKey('l', editing)!.run(c);
    expect(c.toggleDrawMode).toHaveBeenCalledOnce();
    actionForKey('Escape', editing)!.run(c);
    expect(c.setPanel).toHaveBeenCalledWith({ kind: 'idle' });
    expect(actionForKey('x', editing)).toBeNull();
    expect(() => actionById('nope')).toThrow();
    expect(actionById('export.png').label).toBe('exportPng');
  });
});
