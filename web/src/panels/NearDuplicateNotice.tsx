import './names.css';
import { nearDuplicates } from '@trame/graph/model';
import { useI18n } from '../i18n/index.tsx';

export interface NamedActor {
  id: string;
  name: string;
}

export interface NearDuplicateNoticeProps {
  /** The name typed. */
  name: string;
  /** The territory's open actors. */
  actors: readonly NamedActor[];
  /** The actor being renamed (left out of the comparison); null on creation. */
  exceptId: string | null;
  /** `use`: « Utiliser cet acteur » (creation); `merge`: « Fusionner avec cet acteur » (renaming). */
  action: 'use' | 'merge';
  disabled?: boolean;
  onChoose(actor: NamedActor): void;
}

/**
 * « Un acteur proche existe déjà : « Épicerie solidaire du Cailly » — l'utiliser ? », under the
 * name field while the name typed matches another actor of the territory once case, accents and
 * punctuation are set aside (`nearDuplicates`, graph/src/model/names.ts). A warning, not a
 * refusal: two actors may share a name (two « Conseil de quartier »); the button takes the pilot
 * to the existing one instead.
 */
export function NearDuplicateNotice(props: NearDuplicateNoticeProps) {
  const { t } = useI18n();
  const matches = nearDuplicates(props.name, props.actors, props.exceptId);
  if (matches.length === 0) return null;
  return (
    <div className="near-duplicate" role="status">
      {matches.slice(0, 3).map((actor) => (
        <p key={actor.id}>
          {props.action === 'use' ? t.nearDuplicate(actor.name) : t.nearDuplicateRename(actor.name)}{' '}
          <button
            type="button"
            disabled={props.disabled}
            aria-label={props.action === 'use' ? t.existingActorAria(actor.name) : undefined}
            onClick={() => props.onChoose(actor)}
          >
            {props.action === 'use' ? t.useExisting : t.mergeWithThis}
          </button>
        </p>
      ))}
    </div>
  );
}
