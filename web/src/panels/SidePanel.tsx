import { useState, type ReactNode } from 'react';
import { CREATABLE_TYPES, ENTITIES, type EntityType } from '@trame/graph/model';
import { ApiError } from '../api/client.ts';
import { createEntity, endEntity, updateEntity, type EntityData } from '../api/mutations.ts';
import { useI18n } from '../i18n/index.tsx';
import { EntityForm, type RefOptions } from './EntityForm.tsx';
import { changedFields, initialValues, toInput, type FormValues } from './fields.ts';
import { entityTitle } from './titles.ts';

/** What the panel is doing. */
export type PanelMode =
  | { kind: 'idle' }
  | { kind: 'view'; entity: EntityData }
  | { kind: 'edit'; entity: EntityData }
  | { kind: 'create'; type: EntityType; preset: FormValues; then?: 'engage' }
  | { kind: 'relation'; choices: { type: EntityType; preset: FormValues }[] };

export interface SidePanelProps {
  mode: PanelMode;
  readOnly: boolean;
  projectId: string;
  territoryId: string;
  refOptions: RefOptions;
  /** Titles of referenced entities, to show ids as names. */
  titleOf(id: string): string | null;
  legend: ReactNode;
  onMode(mode: PanelMode): void;
  /** After any saved change: reload the map; `focusId` is the entity to show next. */
  onSaved(focusId: string | null): void;
}

interface Conflict {
  mine: FormValues;
  validFrom: string | null;
  current: Record<string, unknown>;
}

export function SidePanel(props: SidePanelProps) {
  const { t, entity: entityLabel, field, enumLabel, formatDate } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [endDate, setEndDate] = useState<string | null>(null);
  const { mode } = props;

  const fail = (e: unknown, mine?: FormValues, validFrom?: string | null) => {
    if (e instanceof ApiError && e.code === 'VERSION_CONFLICT' && mine) {
      setConflict({ mine, validFrom: validFrom ?? null, current: (e.extensions.current as Record<string, unknown>) ?? {} });
      setError(null);
    } else {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const run = async (work: () => Promise<string | null>) => {
    setBusy(true);
    setError(null);
    try {
      const focus = await work();
      setConflict(null);
      setEndDate(null);
      props.onSaved(focus);
    } finally {
      setBusy(false);
    }
  };

  const scopeFields = (type: EntityType): FormValues => {
    const fields = ENTITIES[type].fields;
    return {
      ...('projectId' in fields ? { projectId: props.projectId } : {}),
      ...('territoryId' in fields ? { territoryId: props.territoryId } : {}),
    };
  };

  const create = (type: EntityType, then?: 'engage') => (values: FormValues, validFrom: string | null) => {
    let created: EntityData | null = null;
    return run(async () => {
      created = await createEntity(type, toInput(type, { ...values, ...scopeFields(type) }), validFrom);
      return then === 'engage' ? null : created.id;
    })
      .then(() => {
        // A new actor enters the project at once: its engagement is the next form.
        if (then === 'engage' && created) props.onMode({ kind: 'create', type: 'Engagement', preset: { actorId: created.id, level: 'INFORME' } });
      })
      .catch((e: unknown) => fail(e));
  };

  const update = (entity: EntityData, version: number) => (values: FormValues, validFrom: string | null) => {
    const type = entity.__typename;
    const patch = toInput(type, values, changedFields(entity, values).filter((name) => !ENTITIES[type].fields[name]?.fixed));
    return run(async () => {
      await updateEntity(type, entity.id, version, patch, validFrom);
      return entity.id;
    }).catch((e: unknown) => fail(e, values, validFrom));
  };

  const end = (entity: EntityData) =>
    run(async () => {
      await endEntity(entity.__typename, entity.id, entity.version, endDate && endDate !== new Date().toISOString().slice(0, 10) ? endDate : null);
      return null;
    }).catch((e: unknown) => fail(e));

  const describe = (entity: EntityData) => {
    const spec = ENTITIES[entity.__typename];
    return (
      <dl className="entity-details">
        {Object.entries(spec.fields).map(([name, f]) => {
          const value = entity[name];
          if (value === null || value === undefined || (Array.isArray(value) && value.length === 0) || name === 'projectId' || name === 'territoryId') return null;
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
          </dd>
        </div>
      </dl>
    );
  };

  return (
    <aside className="side-panel" aria-label="Panneau">
      {error && (
        <p className="error" role="alert">
          {t.errorPrefix} : {error}
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
                <dd>{String(conflict.current[name] ?? '—')}</dd>
              </div>
            ))}
          </dl>
          <button type="button" className="primary" disabled={busy} onClick={() => void update(mode.entity, Number(conflict.current.version))(conflict.mine, conflict.validFrom)}>
            {t.reapply}
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setConflict(null);
              props.onSaved(mode.entity.id);
            }}
          >
            {t.discard}
          </button>
        </div>
      )}

      {mode.kind === 'idle' && (
        <>
          <p className="hint">{t.selectSomething}</p>
          {!props.readOnly && (
            <div className="create-menu">
              <h3>{t.add}</h3>
              {CREATABLE_TYPES.map((type) => (
                <button key={type} type="button" onClick={() => props.onMode({ kind: 'create', type, preset: {}, ...(type === 'Actor' ? { then: 'engage' as const } : {}) })}>
                  {entityLabel(type)}
                </button>
              ))}
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
                <button type="button" className="danger" onClick={() => setEndDate(new Date().toISOString().slice(0, 10))}>
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
            onSubmit={(values, validFrom) => void create(mode.type, mode.then)(values, validFrom)}
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
              <button key={choice.type} type="button" onClick={() => props.onMode({ kind: 'create', type: choice.type, preset: choice.preset })}>
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
