import {
  ACTOR_KINDS,
  CONFLICT_STATUSES,
  ENGAGEMENT_LEVELS,
  EXTERNALITY_SIGNS,
  EXTERNALITY_STATUSES,
  OBJECTIVE_NATURES,
  TERRITORY_KINDS,
  VALUE_DIMENSIONS,
  type EntityType,
} from './enums.ts';
import { LIMITS } from './limits.ts';

/**
 * The model, as data: every entity type with its fields, references and scope. The store,
 * the validation, the change log, the API's schema (generated from it, api/src/graphql/
 * entity-schema.ts), the forms and the map all read this one description, so adding a field
 * is one line here plus its labels in the interface.
 */

interface FieldBase {
  /** French noun phrase used in error messages: « le nom », « la position ». */
  label: string;
  required?: boolean;
  /** Set at creation, never changed afterwards (the scope of an entity, for instance). */
  fixed?: boolean;
  /** Error code when the value is invalid; defaults by kind (see validation.ts). */
  code?: string;
  /**
   * Travels in the data of the entity's map element under its own name (for the editor to style
   * or show it), in workshop mode too. Fields the map already presents its own way are not marked.
   */
  map?: boolean;
}
export interface TextField extends FieldBase {
  kind: 'text';
  max: number;
}
export interface IntField extends FieldBase {
  kind: 'int';
  min: number;
  max: number;
}
export interface BoolField extends FieldBase {
  kind: 'bool';
}
export interface DateField extends FieldBase {
  kind: 'date';
}
export interface EnumField extends FieldBase {
  kind: 'enum';
  values: readonly string[];
}
export interface EnumListField extends FieldBase {
  kind: 'enumList';
  values: readonly string[];
  minItems: number;
}
export interface RefField extends FieldBase {
  kind: 'ref';
  target: EntityType;
}
export interface RefListField extends FieldBase {
  kind: 'refList';
  target: EntityType;
  minItems: number;
}
export type FieldSpec = TextField | IntField | BoolField | DateField | EnumField | EnumListField | RefField | RefListField;

/**
 * Where an entity lives. `root`: a territory. `territory`: belongs to the territory named by
 * the field. `project`: belongs to the project named by the field, directly (a Project ref) or
 * through a project-scoped entity (a Position's objective).
 */
export type Scope = { kind: 'root' } | { kind: 'territory'; via: string } | { kind: 'project'; via: string };

export interface EntitySpec {
  type: EntityType;
  /** French name, for messages: « l'acteur ». */
  label: string;
  /** One English sentence describing the type, for the API's schema. */
  doc: string;
  /** Start of the ids the store generates (`act-…`). */
  idPrefix: string;
  /**
   * Name of a collection of them: the list field on the project (project scope) or on the
   * territory (territory scope) in the API, the list names the web app reads.
   */
  list: string;
  /** Place in the editor's create menu; absent when the type is not created from that menu. */
  menuRank?: number;
  scope: Scope;
  /** The field that names the entity on the map and in the change log. */
  titleField: string;
  fields: Record<string, FieldSpec>;
  /** Pairs of fields that must name different entities. */
  distinct?: readonly (readonly [string, string, string])[]; // [a, b, error code]
  /** Fields whose combination is unique among the entities valid at the same time. */
  unique?: readonly string[];
  /** A rule across fields, on the complete values after a create or an update. */
  check?: (values: Readonly<Record<string, unknown>>) => { code: 'ARBITRATION_REQUIRED'; message: string } | null;
}

const name = (label = 'le nom'): TextField => ({ kind: 'text', label, required: true, max: LIMITS.name });
const description = (label = 'la description'): TextField => ({ kind: 'text', label, max: LIMITS.text });
const projectRef: RefField = { kind: 'ref', label: 'le projet', target: 'Project', required: true, fixed: true };
const actorRef = (label = "l'acteur"): RefField => ({ kind: 'ref', label, target: 'Actor', required: true });
const objectiveRef = (label = "l'objectif"): RefField => ({
  kind: 'ref',
  label,
  target: 'Objective',
  required: true,
});
const perimeterRef = (label = 'le périmètre', required = false): RefField => ({
  kind: 'ref',
  label,
  target: 'Perimeter',
  required,
});
const confidential: BoolField = { kind: 'bool', label: 'la confidentialité' };

export const ENTITIES: Record<EntityType, EntitySpec> = {
  Territory: {
    type: 'Territory',
    doc: 'A commune or an intercommunality (territoire).',
    idPrefix: 'ter',
    list: 'territories',
    label: 'le territoire',
    scope: { kind: 'root' },
    titleField: 'name',
    fields: {
      name: name(),
      code: { kind: 'text', label: 'le code', required: true, max: LIMITS.code },
      kind: { kind: 'enum', label: 'le type de territoire', values: TERRITORY_KINDS, required: true },
      description: description(),
    },
  },
  Project: {
    type: 'Project',
    doc: 'A transition project (projet, démarche de transition) of one territory.',
    idPrefix: 'prj',
    list: 'projects',
    label: 'le projet',
    scope: { kind: 'territory', via: 'territoryId' },
    titleField: 'name',
    fields: {
      territoryId: { kind: 'ref', label: 'le territoire', target: 'Territory', required: true, fixed: true },
      name: name(),
      description: description(),
    },
  },
  Actor: {
    type: 'Actor',
    doc: 'An actor (acteur) of a territory; takes part in projects through engagements.',
    idPrefix: 'act',
    list: 'actors',
    menuRank: 1,
    label: "l'acteur",
    scope: { kind: 'territory', via: 'territoryId' },
    titleField: 'name',
    fields: {
      territoryId: { kind: 'ref', label: 'le territoire', target: 'Territory', required: true, fixed: true },
      name: name(),
      kind: { kind: 'enum', label: "le type d'acteur", values: ACTOR_KINDS, required: true },
      description: description(),
    },
  },
  Engagement: {
    type: 'Engagement',
    doc: "An actor's level of involvement in a project, which changes over time.",
    idPrefix: 'eng',
    list: 'engagements',
    label: "l'engagement",
    scope: { kind: 'project', via: 'projectId' },
    titleField: 'level',
    fields: {
      actorId: { ...actorRef(), fixed: true },
      projectId: projectRef,
      level: { kind: 'enum', label: "le niveau d'engagement", values: ENGAGEMENT_LEVELS, required: true },
      role: { kind: 'text', label: 'le rôle', max: LIMITS.name },
      perimeterId: perimeterRef("le périmètre d'entrée"),
    },
    unique: ['actorId', 'projectId'],
  },
  Perimeter: {
    type: 'Perimeter',
    doc: "A sphere of issues a project works on (périmètre d'enjeux).",
    idPrefix: 'per',
    list: 'perimeters',
    menuRank: 9,
    label: "le périmètre d'enjeux",
    scope: { kind: 'project', via: 'projectId' },
    titleField: 'name',
    fields: { projectId: projectRef, name: name(), description: description() },
  },
  Objective: {
    type: 'Objective',
    doc: 'What an actor, or the project itself, pursues (objectif).',
    idPrefix: 'obj',
    list: 'objectives',
    menuRank: 2,
    label: "l'objectif",
    scope: { kind: 'project', via: 'projectId' },
    titleField: 'title',
    fields: {
      projectId: projectRef,
      actorId: { ...actorRef("l'acteur porteur"), required: false },
      title: name("l'intitulé"),
      description: description(),
      dimensions: {
        kind: 'enumList',
        label: 'les dimensions de valeur',
        values: VALUE_DIMENSIONS,
        minItems: 1,
        required: true,
      },
      nature: { kind: 'enum', label: 'la nature', values: OBJECTIVE_NATURES, required: true },
      confidential,
      perimeterId: perimeterRef(),
    },
  },
  Position: {
    type: 'Position',
    doc: "An actor's stance on an objective, -4…+4 on the MACTOR scale.",
    idPrefix: 'pos',
    list: 'positions',
    menuRank: 3,
    label: 'la position',
    scope: { kind: 'project', via: 'objectiveId' },
    titleField: 'value',
    fields: {
      actorId: actorRef(),
      objectiveId: objectiveRef(),
      value: { kind: 'int', label: 'la position', min: -4, max: 4, required: true, code: 'INVALID_POSITION' },
      note: description('la note'),
    },
    unique: ['actorId', 'objectiveId'],
  },
  Convergence: {
    type: 'Convergence',
    doc: 'Two objectives that can be served together: a zone of possible cooperation.',
    idPrefix: 'cvg',
    list: 'convergences',
    menuRank: 5,
    label: 'la convergence',
    scope: { kind: 'project', via: 'objectiveAId' },
    titleField: 'note',
    fields: {
      objectiveAId: objectiveRef('le premier objectif'),
      objectiveBId: objectiveRef('le second objectif'),
      note: description('la note'),
    },
    distinct: [['objectiveAId', 'objectiveBId', 'SAME_OBJECTIVE']],
  },
  Conflict: {
    type: 'Conflict',
    doc: 'Two objectives that clash, with an intensity and a lifecycle (conflit, tension).',
    idPrefix: 'cfl',
    list: 'conflicts',
    menuRank: 4,
    label: 'le conflit',
    scope: { kind: 'project', via: 'objectiveAId' },
    titleField: 'note',
    fields: {
      objectiveAId: objectiveRef('le premier objectif'),
      objectiveBId: objectiveRef('le second objectif'),
      intensity: { kind: 'int', label: "l'intensité", min: 1, max: 4, required: true, code: 'INVALID_INTENSITY' },
      status: { kind: 'enum', label: 'le statut', values: CONFLICT_STATUSES, required: true },
      arbitration: description("l'arbitrage"),
      note: description('la note'),
      confidential,
    },
    distinct: [['objectiveAId', 'objectiveBId', 'SAME_OBJECTIVE']],
    check: (values) =>
      values.status === 'ARBITRE' && !values.arbitration
        ? { code: 'ARBITRATION_REQUIRED', message: 'un conflit arbitré doit décrire son arbitrage (champ « arbitrage »)' }
        : null,
  },
  Externality: {
    type: 'Externality',
    doc: 'An effect of the project on actors, often concerned but not involved (externalité).',
    idPrefix: 'ext',
    list: 'externalities',
    menuRank: 6,
    label: "l'externalité",
    scope: { kind: 'project', via: 'projectId' },
    titleField: 'description',
    fields: {
      projectId: projectRef,
      objectiveId: { ...objectiveRef("l'objectif source"), required: false },
      description: { ...description(), required: true },
      sign: { kind: 'enum', label: 'le signe', values: EXTERNALITY_SIGNS, required: true },
      affectedActorIds: {
        kind: 'refList',
        label: 'les acteurs affectés',
        target: 'Actor',
        minItems: 1,
        required: true,
      },
      status: { kind: 'enum', label: 'le statut', values: EXTERNALITY_STATUSES, required: true },
      internalisation: description("l'internalisation"),
    },
  },
  Cooperation: {
    type: 'Cooperation',
    doc: 'A reciprocal commitment between two actors (coopération).',
    idPrefix: 'coo',
    list: 'cooperations',
    menuRank: 7,
    label: 'la coopération',
    scope: { kind: 'project', via: 'projectId' },
    titleField: 'commitments',
    fields: {
      projectId: projectRef,
      actorAId: actorRef('le premier acteur'),
      actorBId: actorRef('le second acteur'),
      commitments: { ...description('les engagements réciproques'), required: true },
      counterparts: description('les contreparties'),
    },
    distinct: [['actorAId', 'actorBId', 'SAME_ACTOR']],
  },
  Influence: {
    type: 'Influence',
    doc: 'How strongly one actor can act on another, 0…4 (MACTOR direct influence).',
    idPrefix: 'inf',
    list: 'influences',
    menuRank: 8,
    label: "l'influence",
    scope: { kind: 'project', via: 'projectId' },
    titleField: 'value',
    fields: {
      projectId: projectRef,
      fromActorId: actorRef("l'acteur influent"),
      toActorId: actorRef("l'acteur influencé"),
      value: { kind: 'int', label: "l'influence", min: 0, max: 4, required: true, code: 'INVALID_INFLUENCE' },
    },
    distinct: [['fromActorId', 'toActorId', 'SAME_ACTOR']],
    unique: ['fromActorId', 'toActorId'],
  },
  SystemicLeap: {
    type: 'SystemicLeap',
    doc: 'The project widens from one perimeter to a broader one (saut systémique); its date is validFrom.',
    idPrefix: 'leap',
    list: 'leaps',
    menuRank: 10,
    label: 'le saut systémique',
    scope: { kind: 'project', via: 'projectId' },
    titleField: 'trigger',
    fields: {
      projectId: projectRef,
      fromPerimeterId: perimeterRef('le périmètre de départ', true),
      toPerimeterId: perimeterRef("le périmètre d'arrivée", true),
      trigger: name("l'événement déclencheur"),
      description: description(),
    },
    distinct: [['fromPerimeterId', 'toPerimeterId', 'SAME_PERIMETER']],
  },
  Ecosystem: {
    type: 'Ecosystem',
    doc: 'A territorial cooperative ecosystem declared by the pilot (écosystème coopératif territorialisé).',
    idPrefix: 'eco',
    list: 'ecosystems',
    menuRank: 11,
    label: "l'écosystème",
    scope: { kind: 'project', via: 'projectId' },
    titleField: 'name',
    fields: {
      projectId: projectRef,
      name: name(),
      memberIds: { kind: 'refList', label: 'les membres', target: 'Actor', minItems: 2, required: true },
      perimeterId: perimeterRef(),
      description: description(),
    },
  },
  Milestone: {
    type: 'Milestone',
    doc: 'A named date to compare the map with (jalon).',
    idPrefix: 'mil',
    list: 'milestones',
    menuRank: 12,
    label: 'le jalon',
    scope: { kind: 'project', via: 'projectId' },
    titleField: 'name',
    fields: {
      projectId: projectRef,
      name: name(),
      date: { kind: 'date', label: 'la date', required: true },
      description: description(),
    },
  },
};

export function entitySpec(type: EntityType): EntitySpec {
  return ENTITIES[type];
}

const referenceFieldsBySpec = new WeakMap<EntitySpec, readonly (readonly [string, RefField | RefListField])[]>();

/**
 * Fields that point at other entities, single or many — computed once per entity type (reads
 * call it for every entity of every state: the list is not rebuilt each time).
 */
export function referenceFields(spec: EntitySpec): readonly (readonly [string, RefField | RefListField])[] {
  let fields = referenceFieldsBySpec.get(spec);
  if (!fields) {
    fields = Object.entries(spec.fields).filter(
      (entry): entry is [string, RefField | RefListField] => entry[1].kind === 'ref' || entry[1].kind === 'refList',
    );
    referenceFieldsBySpec.set(spec, fields);
  }
  return fields;
}
