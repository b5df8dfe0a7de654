import { useImperativeHandle, useState, type ReactNode, type Ref } from 'react';
import { ENTITIES, today, type EntityType } from '@trame/graph/model';
import { ApiError } from '../api/client.ts';
import type { EntityData } from '../api/entities.ts';
import type { EntityMutations } from '../api/mutations.ts';
import { useI18n } from '../i18n/index.tsx';
import { serverErrorText } from '../i18n/serverErrors.ts';
import { CorrectionOffer } from './CorrectionOffer.tsx';
import { EntityForm, type RefOptions } from './EntityForm.tsx';
import { changedFields, initialValues, toInput, type FormValues } from './fields.ts';
import { entityTitle } from './titles.ts';
import { EntityHistory } from './EntityHistory.tsx';

/** What the panel is doing. */
export type PanelMode =
  | { kind: 'idle' }
  | { kind: 'view'; entity: EntityData }
  | { kind: 'edit'; entity: EntityData }
  | { kind: 'create'; type: EntityType; preset: FormValues; next?: 'engage' }
  | { kind: 'relation'; choices: { type: EntityType; preset: FormValues }[] };

/** What the editor's actions ask of the panel (actions.ts). */
export interface SidePanelHandle {
  /** « Mettre fin » to the entity shown: the first call asks for the date, the second ends it. */
  end(): void;
}

/** The entity to show once the project is read again after a save: its id and new version. */
export interface SavedFocus {
  id: string;
  version: number;
}

export interface SidePanelProps {
  ref?: Ref<SidePanelHandle>;
  mode: PanelMode;
  readOnly: boolean;
  projectId: string;
  territoryId: string;
  refOptions: RefOptions;
  /** Titles of referenced entities, to show ids as names. */
  titleOf(id: string): string | null;
  /** The « Ajouter » menu's buttons (the editor's create actions), shown when nothing is selected. */
  createMenu: ReactNode;
  legend: ReactNode;
  /** More about the entity shown, below its fields (an actor's engagement in the project). */
  entityExtra?(entity: EntityData): ReactNode;
  /** Shown under a form's field (a renamed actor's near-duplicate warning, useActorNames). */
  fieldNotice?(context: { type: EntityType; entity: EntityData | null }, field: string, values: FormValues): ReactNode;
  /** The project's writes (they invalidate what they change). */
  mutations: EntityMutations;
  onMode(mode: PanelMode): void;
  /** After any saved change: `focus` is the entity to show once the project is read again. */
  onSaved(focus: SavedFocus | null): void;
}

/**
 * An update or an end dated before the entity's latest entry, offered as a correction of that
 * entry's date. `patch` null: the end (« Mettre fin »).
 */
interface Correction {
  entity: EntityData;
  patch: Record<string, unknown> | null;
  validFrom: string;
  latest: string;
}

interface Conflict {
  mine: FormValues;
  validFrom: string | null;
  current: Record<string, unknown>;
}

export function SidePanel(props: SidePanelProps) {
  const { t, lang, entity: entityLabel, field, enumLabel, formatDate } = useI18n();
  /** The panel whose save is in flight: only that form waits; the pilot may open another meanwhile. */
  const [busyFor, setBusyFor] = useState<PanelMode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [correction, setCorrection] = useState<Correction | null>(null);
  const [endDate, setEndDate] = useState<string | null>(null);
  const { mode } = props;
  const busy = busyFor === mode;

  const fail = (e: unknown, mine?: FormValues, validFrom?: string | null) => {
    if (e instanceof ApiError && e.code === 'VERSION_CONFLICT' && mine) {
      setConflict({ mine, validFrom: validFrom ?? null, current: (e.extensions.current as Record<string, unknown>) ?? {} });
      setError(null);
    } else {
      setError(serverErrorText(e, lang, props.titleOf));
    }
  };

  const run = async (work: () => Promise<SavedFocus | null>) => {
    const from = mode;
    setBusyFor(from);
    setError(null);
    try {
      const focus = await work();
      setConflict(null);
      setCorrection(null);
      setEndDate(null);
      props.onSaved(focus);
    } finally {
      setBusyFor((current) => (current === from ? null : current));
    }
  };

  const scopeFields = (type: EntityType): FormValues => {
    const fields = ENTITIES[type].fields;
    return {
      ...('projectId' in fields ? { projectId: props.projectId } : {}),
      ...('territoryId' in fields ? { territoryId: props.territoryId } : {}),
    };
  };

  const create = (type: EntityType, next?: 'engage') => (values: FormValues, validFrom: string | null) => {
    let created: EntityData | null = null;
    return run(async () => {
      created = await props.mutations.create(type, toInput(type, { ...values, ...scopeFields(type) }), validFrom);
      return next === 'engage' ? null : created;
    })
      .then(() => {
        // A new actor enters the project at once: its engagement is the next form.
        if (next === 'engage' && created)
          props.onMode({ kind: 'create', type: 'Engagement', preset: { actorId: created.id, level: 'INFORME' } });
      })
      .catch((e: unknown) => fail(e));
  };

  const update = (entity: EntityData, version: number) => (values: FormValues, validFrom: string | null) => {
    const type = entity.__typename;
    const patch = toInput(
      type,
      values,
      changedFields(entity, values).filter((name) => !ENTITIES[type].fields[name]?.fixed),
    );
    return run(async () => {
      return props.mutations.update(type, entity.id, version, patch, validFrom);
    }).catch((e: unknown) => {
      if (!offerCorrection(e, entity, patch, validFrom)) fail(e, values, validFrom);
    });
  };

  /** A date before the entity's latest entry (DATE_BEFORE_LAST_CHANGE): offered as a correction; true when offered. */
  const offerCorrection = (e: unknown, entity: EntityData, patch: Correction['patch'], validFrom: string | null) => {
    if (!(e instanceof ApiError && e.code === 'DATE_BEFORE_LAST_CHANGE' && validFrom)) return false;
    if (typeof e.extensions.latestFrom !== 'string') return false;
    setCorrection({ entity, patch, validFrom, latest: e.extensions.latestFrom });
    setError(null);
    return true;
  };

  const end = (entity: EntityData) => {
    const validFrom = endDate && endDate !== today() ? endDate : null;
    return run(async () => {
      await props.mutations.end(entity.__typename, entity.id, entity.version, validFrom);
      return null;
    }).catch((e: unknown) => {
      if (!offerCorrection(e, entity, null, validFrom)) fail(e);
    });
  };

  const correct = ({ entity, patch, validFrom }: Correction) =>
    run(async () => {
      if (patch) return props.mutations.correct(entity.__typename, entity.id, entity.version, patch, validFrom);
      await props.mutations.correctEnd(entity.__typename, entity.id, entity.version, validFrom);
      return null;
    }).catch((e: unknown) => fail(e));

  useImperativeHandle(props.ref, () => ({
    end: () => {
      if (mode.kind !== 'view' || props.readOnly) return;
      if (endDate === null) setEndDate(today());
      else if (!busy) void end(mode.entity);
    },
  }));

  const describe = (entity: EntityData) => {
    const spec = ENTITIES[entity.__typename];
    return (
      <dl className="entity-details">
        {Object.entries(spec.fields).map(([name, f]) => {
          const value = entity[name];
          if (
            value === null ||
            value === undefined ||
            (Array.isArray(value) && value.length === 0) ||
            name === 'projectId' ||
            name === 'territoryId'
          )
            return null;
          let shown: string;
          if (f.kind === 'ref') shown = props.titleOf(String(value)) ?? String(value);
          else if (f.kind === 'refList') shown = (value as string[]).map((id) => props.titleOf(id) ?? id).join(', ');
          else if (f.kind === 'enum') shown = enumLabel(String(value));
          else if (f.kind === 'enumList') shown = (value as string[]).map(enumLabel).join(', ');
          else if (f.kind === 'bool') shown = value ? '✓' : '—';
          else if (f.kind === 'int' && name === 'value') shown = Number(value) > 0 ? `+${String(value)}` : String(value);
          else shown = String(value);
          return (
            <div key={name}>
              <dt>{field(name, f.label)}</dt>
              <dd>{shown}</dd>
            </div>
          );
        })}
        <div>
          <dt>{t.history}</dt>
          <dd>
            {t.since} {formatDate(entity.validFrom)} · v{entity.version}
            <EntityHistory projectId={props.projectId} entityId={entity.id} titleOf={props.titleOf} />
          </dd>
        </div>
      </dl>
    );
  };

  return (
    <aside className="side-panel" aria-label={t.ariaSidePanel}>
      {error && (
        <p className="error" role="alert">
          {t.errorPrefix(error)}
        </p>
      )}
      {conflict && mode.kind === 'edit' && (
        <div className="conflict" role="alert">
          <p>
            <strong>{t.versionConflict}</strong>
          </p>
          <p>{t.currentState} :</p>
          <dl className="entity-details">
            {changedFields(mode.entity, conflict.mine).map((name) => (
              <div key={name}>
                <dt>{field(name, ENTITIES[mode.entity.__typename].fields[name]?.label ?? name)}</dt>
                <dd>
                  {ENTITIES[mode.entity.__typename].fields[name]?.kind === 'enum' && conflict.current[name]
                    ? enumLabel(String(conflict.current[name]))
                    : String(conflict.current[name] ?? '—')}
                </dd>
              </div>
            ))}
          </dl>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void update(mode.entity, Number(conflict.current.version))(conflict.mine, conflict.validFrom)}
          >
            {t.reapply}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              const focus = { id: mode.entity.id, version: Number(conflict.current.version) };
              setConflict(null);
              void props.mutations.refresh().then(() => props.onSaved(focus));
            }}
          >
            {t.discard}
          </button>
        </div>
      )}

      {correction && (mode.kind === 'edit' || mode.kind === 'view') && mode.entity.id === correction.entity.id && (
        <CorrectionOffer
          what={t.correctionWhat(
            capitalised(entityLabel(correction.entity.__typename)),
            props.titleOf(correction.entity.id) ?? '',
          )}
          date={correction.validFrom}
          latest={correction.latest}
          ending={correction.patch === null}
          busy={busy}
          onCorrect={() => void correct(correction)}
          onCancel={() => setCorrection(null)}
        />
      )}

      {mode.kind === 'idle' && (
        <>
          <p className="hint">{t.selectSomething}</p>
          {!props.readOnly && (
            <div className="create-menu">
              <h3>{t.add}</h3>
              {props.createMenu}
            </div>
          )}
          <p className="hint small">{t.shortcuts}</p>
          {props.legend}
        </>
      )}

      {mode.kind === 'view' && (
        <>
          <h2>
            <small>{entityLabel(mode.entity.__typename)}</small>
            <br />
            {entityTitle(mode.entity, props.titleOf)}
          </h2>
          {describe(mode.entity)}
          {!props.readOnly && (
            <div className="form-actions">
              <button type="button" className="primary" onClick={() => props.onMode({ kind: 'edit', entity: mode.entity })}>
                {t.edit}
              </button>
              {endDate === null ? (
                <button type="button" className="danger" onClick={() => setEndDate(today())}>
                  {t.end}
                </button>
              ) : (
                <span className="confirm-end">
                  <label>
                    {t.effectiveDate} <input type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} />
                  </label>
                  <span>{t.confirmEnd}</span>
                  <button type="button" className="danger" disabled={busy} onClick={() => void end(mode.entity)}>
                    {t.end}
                  </button>
                  <button type="button" onClick={() => setEndDate(null)}>
                    {t.cancel}
                  </button>
                </span>
              )}
            </div>
          )}
          {props.entityExtra?.(mode.entity)}
        </>
      )}

      {mode.kind === 'edit' && (
        <>
          <h2>
            <small>{entityLabel(mode.entity.__typename)}</small>
            <br />
            {t.edit}
          </h2>
          <EntityForm
            key={`${mode.entity.id}-${mode.entity.version}`}
            type={mode.entity.__typename}
            mode="edit"
            initial={mode.entity}
            refOptions={props.refOptions}
            hidden={['projectId', 'territoryId']}
            busy={busy}
            onSubmit={(values, validFrom) => void update(mode.entity, mode.entity.version)(values, validFrom)}
            fieldNotice={(name, values) =>
              props.fieldNotice?.({ type: mode.entity.__typename, entity: mode.entity }, name, values)
            }
            onCancel={() => props.onMode({ kind: 'view', entity: mode.entity })}
          />
        </>
      )}

      {mode.kind === 'create' && (
        <>
          <h2>
            <small>{t.add}</small>
            <br />
            {entityLabel(mode.type)}
          </h2>
          <EntityForm
            key={`${mode.type}-${JSON.stringify(mode.preset)}`}
            type={mode.type}
            mode="create"
            initial={initialValues(mode.type, mode.preset)}
            refOptions={props.refOptions}
            hidden={['projectId', 'territoryId']}
            busy={busy}
            onSubmit={(values, validFrom) => void create(mode.type, mode.next)(values, validFrom)}
            onCancel={() => props.onMode({ kind: 'idle' })}
          />
        </>
      )}

      {mode.kind === 'relation' && (
        <>
          <h2>{t.newRelation}</h2>
          <p>{t.chooseRelation}</p>
          <div className="create-menu">
            {mode.choices.map((choice) => (
              <button
                key={choice.type}
                type="button"
                onClick={() => props.onMode({ kind: 'create', type: choice.type, preset: choice.preset })}
              >
                {entityLabel(choice.type)}
              </button>
            ))}
            <button type="button" onClick={() => props.onMode({ kind: 'idle' })}>
              {t.cancel}
            </button>
          </div>
        </>
      )}
    </aside>
  );
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
