import { useState, type ReactNode } from 'react';
import type { EntityType } from '@trame/graph/model';
import type { EntityData } from '../api/entities.ts';
import { useI18n } from '../i18n/index.tsx';
import { useEngagementLoad } from '../pages/project/engagement/useEngagementData.ts';
import type { FormValues } from './fields.ts';
import { MergeDialog } from './MergeDialog.tsx';
import { NearDuplicateNotice, type NamedActor } from './NearDuplicateNotice.tsx';

export interface ActorNamesInput {
  territoryId: string | null;
  readOnly: boolean;
  /** Everything the editor knows by id: the project's entities and the territory's actors. */
  byId: ReadonlyMap<string, EntityData>;
  titleOf(id: string): string | null;
  /** After a merge: the kept actor, to show. */
  onMerged(kept: EntityData): void;
}

/**
 * Names and duplicates in the editor (issue 13, part 4): the renamed actor's near-duplicate
 * warning under « Nom » (`fieldNotice`, for the side panel's forms), « Fusionner avec… » in an
 * actor's panel (`actorExtra`), and the merge dialog they open (`dialog`).
 */
export function useActorNames(input: ActorNamesInput): {
  actorExtra(entity: EntityData): ReactNode;
  fieldNotice(context: { type: EntityType; entity: EntityData | null }, field: string, values: FormValues): ReactNode;
  dialog: ReactNode;
} {
  const { t } = useI18n();
  const [merging, setMerging] = useState<{ actor: NamedActor; other: NamedActor | null } | null>(null);
  const actors: NamedActor[] = [...input.byId.values()]
    .filter((e) => e.__typename === 'Actor' && !e.validTo)
    .map((e) => ({ id: e.id, name: String(e.name ?? '') }));
  const named = (entity: EntityData): NamedActor => ({ id: entity.id, name: String(entity.name ?? '') });
  const canMerge = !input.readOnly && input.territoryId !== null;
  // Where the territory's actors are engaged names the projects an engagement moves in.
  const load = useEngagementLoad(merging ? input.territoryId : null);
  const projectName = (id: string | null): string => {
    for (const places of load.data?.values() ?? [])
      for (const place of places) if (place.projectId === id) return place.projectName;
    return '';
  };

  const actorExtra = (entity: EntityData): ReactNode =>
    entity.__typename === 'Actor' && canMerge && !entity.validTo ? (
      <div className="form-actions merge-actions">
        <button type="button" onClick={() => setMerging({ actor: named(entity), other: null })}>
          {t.mergeWith}
        </button>
      </div>
    ) : null;

  const fieldNotice = (context: { type: EntityType; entity: EntityData | null }, field: string, values: FormValues) => {
    const { entity } = context;
    if (context.type !== 'Actor' || field !== 'name' || !entity || !canMerge) return null;
    const name = String(values.name ?? '');
    // Only a rename warns: the stored name was accepted already.
    if (name === String(entity.name ?? '')) return null;
    return (
      <NearDuplicateNotice
        name={name}
        actors={actors}
        exceptId={entity.id}
        action="merge"
        onChoose={(other) => setMerging({ actor: named(entity), other })}
      />
    );
  };

  const dialog =
    merging && input.territoryId ? (
      <MergeDialog
        territoryId={input.territoryId}
        actor={merging.actor}
        actors={actors}
        initialOther={merging.other}
        projectName={projectName}
        titleOf={input.titleOf}
        onClose={() => setMerging(null)}
        onMerged={input.onMerged}
      />
    ) : null;

  return { actorExtra, fieldNotice, dialog };
}
