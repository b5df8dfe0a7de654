import './engagement.css';
import type { ReactNode } from 'react';
import type { EntityData } from '../../../api/entities.ts';
import type { RefOptions } from '../../../panels/EntityForm.tsx';
import type { PanelMode } from '../../../panels/SidePanel.tsx';
import { EngageActorPanel } from './EngageActorPanel.tsx';
import { EngagementSection } from './EngagementSection.tsx';
import { NewActorPanel } from './NewActorPanel.tsx';
import { useEngagementLoad, useEngagementWrites } from './useEngagementData.ts';

export interface EngagementPanelsInput {
  projectId: string;
  territoryId: string | null;
  panel: PanelMode;
  readOnly: boolean;
  byId: ReadonlyMap<string, EntityData>;
  refOptions: RefOptions;
  titleOf(id: string): string | null;
  setPanel(mode: PanelMode): void;
  /** After a save: the entity to show, as the server returned it. */
  onSaved(entity: EntityData): void;
}

/**
 * The editor's engagement panels, for the project page: `aside` replaces the side panel's
 * content while a new actor is created with its engagement (« Ajouter › Acteur ») or a territory
 * actor is engaged (« Engager un acteur du territoire »); `actorExtra` is the engagement section
 * of an actor's panel.
 */
export function useEngagementPanels(input: EngagementPanelsInput): {
  aside: ReactNode | null;
  actorExtra(entity: EntityData): ReactNode;
} {
  const { projectId, territoryId, panel, byId } = input;
  const writes = useEngagementWrites(projectId, territoryId ?? '');
  const engaging = panel.kind === 'create' && panel.type === 'Engagement' && !input.readOnly;
  const load = useEngagementLoad(engaging ? territoryId : null);
  const perimeters = input.refOptions.Perimeter ?? [];

  const engagementOf = (actorId: string): EntityData | null => {
    for (const entity of byId.values())
      if (entity.__typename === 'Engagement' && entity.actorId === actorId && !entity.validTo) return entity;
    return null;
  };

  const territoryActors = [...byId.values()]
    .filter((e) => e.__typename === 'Actor' && !e.validTo)
    .map((e) => ({ id: e.id, name: String(e.name ?? '') }));

  let aside: ReactNode | null = null;
  if (panel.kind === 'create' && panel.type === 'Actor' && !input.readOnly) {
    aside = (
      <NewActorPanel
        perimeters={perimeters}
        writes={writes}
        titleOf={input.titleOf}
        onSaved={(actor) => input.onSaved(actor)}
        onCancel={() => input.setPanel({ kind: 'idle' })}
        territoryActors={territoryActors}
        onUseExisting={async (existing, engagement, validFrom) => {
          const actor = byId.get(existing.id);
          if (!actor) return;
          // Already in the project: show it; otherwise engage it with what the form says.
          if (!engagementOf(existing.id)) await writes.createEngagement({ ...engagement, actorId: existing.id }, validFrom);
          input.onSaved(actor);
        }}
      />
    );
  } else if (engaging) {
    aside = (
      <EngageActorPanel
        projectId={projectId}
        actors={[...byId.values()].filter((e) => e.__typename === 'Actor')}
        load={load.data ?? (load.isError ? new Map() : null)}
        perimeters={perimeters}
        writes={writes}
        titleOf={input.titleOf}
        onSaved={(engagement) => {
          const actor = byId.get(String(engagement.actorId));
          if (actor) input.onSaved(actor);
          else input.setPanel({ kind: 'idle' });
        }}
        onCancel={() => input.setPanel({ kind: 'idle' })}
      />
    );
  }

  const actorExtra = (entity: EntityData): ReactNode =>
    entity.__typename === 'Actor' ? (
      <EngagementSection
        key={entity.id}
        projectId={projectId}
        actor={entity}
        engagement={engagementOf(entity.id)}
        perimeters={perimeters}
        readOnly={input.readOnly}
        writes={writes}
        titleOf={input.titleOf}
        onSaved={() => undefined}
      />
    ) : null;

  return { aside, actorExtra };
}
