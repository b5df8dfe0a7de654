import { beforeAll, describe, expect, it } from 'vitest';
import {
  DomainError,
  buildProjectMap,
  diffProject,
  endEntity,
  readHiddenEntityIds,
  readProjectAnalysis,
  readProjectState,
  readTerritoryReview,
  readTimeline,
  readVisibleChange,
  redactChanges,
  reviewTerritory,
  saveLayout,
  updateEntity,
  visibleStatesOf,
  type ChangeRecord,
  type EntityRecord,
  type Grant,
  type Graph,
  type GrantableRole,
  type Principal,
  type Reader,
} from '@trame/graph';
import { TEST_AUTHOR, at, build, buildSmallProject } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { useTestApp, useTestGraph } from './support/app.ts';
import type { GqlResult } from './support/http.ts';
import { createPilot, createReviewer, createTestWallLink } from './support/principals.ts';

/**
 * Issue 12's confidentiality test: a project with confidential objectives, a conflict about one,
 * positions on it, notes, an item made confidential later and one made public later, ended
 * ones; for every principal who may not see them, every read is serialised and searched for
 * every hidden id and text. Those who may see them get them (so the search can fail).
 */

const t = useTestGraph();

/** Texts only a principal who may see confidential items may receive. */
const HIDDEN_TEXTS = [
  'SECRET-OBJ-TITLE',
  'SECRET-OBJ-DESC',
  'SECRET-OWNER-NAME',
  'SECRET-POS-NOTE',
  'SECRET-CFL-NOTE',
  'SECRET-CFL2-NOTE',
  'SECRET-CVG-NOTE',
  'SECRET-EXT-DESC',
  'LATER-SECRET-TITLE',
  'SECRET-ENDED-NOTE',
  'SECRET-ENDED-OBJ',
  'NOTE-POSITION-PUBLIQUE',
  'NOTE-POSITION-MODIFIEE',
  'PUBLISHED-DESC',
];

interface Scenario {
  territoryId: string;
  projectId: string;
  otherProjectId: string;
  milestoneId: string;
  /** Entities of the project a redacted reader must never receive. */
  hiddenIds: string[];
  /** The actor present only through the confidential objective it owns (see the register note below). */
  ownerId: string;
  /** Entities every reader of the project receives. */
  publicIds: string[];
  published: EntityRecord;
  madeSecret: EntityRecord;
  /** The full change log, as recorded. */
  log: ChangeRecord[];
  /** Change ids a redacted reader must never receive. */
  hiddenChangeIds: string[];
}

async function update(graph: Graph, record: EntityRecord, patch: Record<string, unknown>, validFrom: Date) {
  return graph.write((tx) =>
    updateEntity(tx, { author: TEST_AUTHOR }, record.type, record.id, patch, { expectedVersion: record.version, validFrom }),
  );
}

async function end(graph: Graph, record: EntityRecord, validFrom: Date) {
  return graph.write((tx) =>
    endEntity(tx, { author: TEST_AUTHOR }, record.type, record.id, { expectedVersion: record.version, validFrom }),
  );
}

async function buildScenario(graph: Graph): Promise<Scenario> {
  const small = await buildSmallProject(graph, 3, 2);
  const projectId = small.project.id;
  const [a1, a2, a3] = small.actors as [EntityRecord, EntityRecord, EntityRecord];
  const [o1, o2] = small.objectives as [EntityRecord, EntityRecord];
  const from = { validFrom: at('2019-01-01') };
  const owner = await build(
    graph,
    'Actor',
    { territoryId: small.territory.id, name: 'SECRET-OWNER-NAME', kind: 'ENTREPRISE' },
    { validFrom: at('2018-06-01') },
  );
  const secret = await build(
    graph,
    'Objective',
    {
      projectId,
      actorId: owner.id,
      title: 'SECRET-OBJ-TITLE',
      description: 'SECRET-OBJ-DESC',
      dimensions: ['ECONOMIQUE'],
      nature: 'MATERIEL',
      confidential: true,
    },
    from,
  );
  const positionOnSecret = await build(
    graph,
    'Position',
    { actorId: a1.id, objectiveId: secret.id, value: 3, note: 'SECRET-POS-NOTE' },
    from,
  );
  const otherPositionOnSecret = await build(graph, 'Position', { actorId: a2.id, objectiveId: secret.id, value: -2 }, from);
  // A conflict about the confidential objective, not itself flagged: hidden by reference.
  const conflictAbout = await build(
    graph,
    'Conflict',
    { objectiveAId: o1.id, objectiveBId: secret.id, intensity: 3, status: 'IDENTIFIE', note: 'SECRET-CFL-NOTE' },
    from,
  );
  const flaggedConflict = await build(
    graph,
    'Conflict',
    { objectiveAId: o1.id, objectiveBId: o2.id, intensity: 2, status: 'IDENTIFIE', note: 'SECRET-CFL2-NOTE', confidential: true },
    from,
  );
  const convergence = await build(
    graph,
    'Convergence',
    { objectiveAId: o2.id, objectiveBId: secret.id, note: 'SECRET-CVG-NOTE' },
    from,
  );
  const externality = await build(
    graph,
    'Externality',
    {
      projectId,
      objectiveId: secret.id,
      description: 'SECRET-EXT-DESC',
      sign: 'NEGATIVE',
      affectedActorIds: [a3.id],
      status: 'IDENTIFIEE',
    },
    from,
  );
  // Public positions, with a note (notes are withheld from redacted readers, all of them).
  const publicPosition = await build(
    graph,
    'Position',
    { actorId: a1.id, objectiveId: o1.id, value: 2, note: 'NOTE-POSITION-PUBLIQUE' },
    from,
  );
  await build(graph, 'Position', { actorId: a2.id, objectiveId: o1.id, value: -3 }, from);
  // Public now, confidential until 2021: shown, its past as a secret not.
  const published = await build(
    graph,
    'Objective',
    {
      projectId,
      title: 'PUBLISHED-TITLE',
      description: 'PUBLISHED-DESC',
      dimensions: ['SOCIAL'],
      nature: 'IMMATERIEL',
      confidential: true,
    },
    from,
  );
  // Public until 2021, confidential now: hidden at every date.
  const later = await build(
    graph,
    'Objective',
    { projectId, title: 'LATER-SECRET-TITLE', dimensions: ['ECOLOGIQUE'], nature: 'MATERIEL', confidential: false },
    from,
  );
  const positionOnLater = await build(graph, 'Position', { actorId: a3.id, objectiveId: later.id, value: 4 }, from);
  // Confidential and ended: their records stay in the log, hidden too.
  const endedConflict = await build(
    graph,
    'Conflict',
    {
      objectiveAId: o2.id,
      objectiveBId: o1.id,
      intensity: 1,
      status: 'IDENTIFIE',
      note: 'SECRET-ENDED-NOTE',
      confidential: true,
    },
    from,
  );
  const endedObjective = await build(
    graph,
    'Objective',
    { projectId, title: 'SECRET-ENDED-OBJ', dimensions: ['SOCIAL'], nature: 'MATERIEL', confidential: true },
    from,
  );
  const milestone = await build(
    graph,
    'Milestone',
    { projectId, name: 'Jalon public', date: '2019-06-01' },
    { validFrom: at('2019-01-01') },
  );
  await end(graph, endedConflict, at('2020-01-01'));
  await end(graph, endedObjective, at('2020-01-01'));
  const madeSecret = await update(graph, later, { confidential: true }, at('2021-01-01'));
  const madePublic = await update(graph, published, { confidential: false }, at('2021-01-01'));
  await update(graph, publicPosition, { note: 'NOTE-POSITION-MODIFIEE' }, at('2021-02-01'));

  // Another project of the territory, with its own secret: its pilot sees it, not the first one's.
  const other = await build(
    graph,
    'Project',
    { territoryId: small.territory.id, name: 'Autre projet' },
    { validFrom: at('2018-01-01') },
  );
  await build(graph, 'Engagement', { actorId: a1.id, projectId: other.id, level: 'MOTEUR' }, { validFrom: at('2018-01-01') });
  const otherSecret = await build(
    graph,
    'Objective',
    { projectId: other.id, title: 'Q-SECRET-TITLE', dimensions: ['SOCIAL'], nature: 'MATERIEL', confidential: true },
    { validFrom: at('2018-01-01') },
  );
  await build(graph, 'Position', { actorId: a1.id, objectiveId: otherSecret.id, value: 1 }, { validFrom: at('2018-01-01') });

  const hiddenIds = [
    secret.id,
    owner.id,
    positionOnSecret.id,
    otherPositionOnSecret.id,
    conflictAbout.id,
    flaggedConflict.id,
    convergence.id,
    externality.id,
    later.id,
    positionOnLater.id,
    endedConflict.id,
    endedObjective.id,
  ];
  const log = (await graph.read((tx) => readTimeline(tx, projectId, { first: 200 }))).changes;
  const hiddenEntities = new Set(hiddenIds);
  // Changes of hidden entities, the one that published an item and the note edit: updates of
  // hidden fields only, whose mere presence would tell.
  const hiddenChangeIds = log
    .filter(
      (c) =>
        hiddenEntities.has(c.entityId) ||
        (c.entityId === published.id && c.op === 'UPDATE') ||
        (c.entityId === publicPosition.id && c.op === 'UPDATE'),
    )
    .map((c) => c.id);
  expect(hiddenChangeIds.length).toBeGreaterThanOrEqual(hiddenIds.length);
  return {
    territoryId: small.territory.id,
    projectId,
    otherProjectId: other.id,
    milestoneId: milestone.id,
    hiddenIds,
    ownerId: owner.id,
    publicIds: [o1.id, o2.id, a1.id, a2.id, a3.id, publicPosition.id, published.id, milestone.id],
    published: madePublic,
    madeSecret,
    log,
    hiddenChangeIds,
  };
}

function grant(role: GrantableRole, territoryId: string | null, projectId: string | null): Grant {
  return {
    id: uniqueId('grant'),
    userId: 'usr',
    role,
    territoryId,
    projectId,
    grantedAt: new Date(0),
    grantedBy: 'system',
    revokedAt: null,
    revokedBy: null,
  };
}

function user(name: string, grants: Grant[]): Principal {
  return {
    kind: 'user',
    user: { id: uniqueId('usr'), email: `${name}@exemple.fr`, name, createdAt: new Date(0), disabledAt: null },
    grants,
    via: 'token',
  };
}

/** JSON with Maps and Sets written out, so nothing they hold escapes the search. */
function serialise(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return [...v.entries()];
    if (v instanceof Set) return [...v];
    return v;
  });
}

function codeOf(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  throw error;
}

/** Every page of the timeline, `first` at a time, checking each page but the last is full. */
async function allPages(graph: Graph, projectId: string, reader: Reader, first: number, filter = {}): Promise<ChangeRecord[]> {
  const changes: ChangeRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await graph.read((tx) => readTimeline(tx, projectId, { first, after, reader, ...filter }));
    if (page.endCursor) expect(page.changes).toHaveLength(first);
    changes.push(...page.changes);
    if (!page.endCursor) return changes;
    after = page.endCursor;
  }
}

/** Every read the graph offers about the project and its territory, as `reader` receives them, in one string. */
async function everyRead(graph: Graph, s: Scenario, reader: Reader): Promise<string> {
  const parts: unknown[] = [];
  const moments = [null, at('2018-06-01'), at('2019-03-01'), at('2019-07-01'), at('2020-06-01'), at('2021-06-01')];
  for (const moment of moments) {
    const [state] = await graph.read(async (tx) =>
      visibleStatesOf(tx, reader, [await readProjectState(tx, s.projectId, moment)]),
    );
    parts.push(state!.entities, state!.project, buildProjectMap(state!), buildProjectMap(state!, { hideConfidential: true }));
    parts.push(await graph.read((tx) => readProjectAnalysis(tx, s.projectId, moment, reader)));
  }
  parts.push(await graph.read((tx) => readTerritoryReview(tx, s.territoryId, null, at('2019-03-01'), reader)));
  parts.push(await graph.read((tx) => readTerritoryReview(tx, s.territoryId, at('2020-06-01'), at('2018-06-01'), reader)));
  parts.push(
    await graph.read((tx) => reviewTerritory(tx, { territoryId: s.territoryId, sinceMilestone: s.milestoneId }, reader)),
  );
  for (const bounds of [
    { from: at('2018-06-01') },
    { from: at('2019-03-01'), to: at('2020-06-01') },
    { from: at('2019-03-01') },
    { fromMilestone: s.milestoneId },
  ]) {
    const { diff, before, after } = await graph.read((tx) => diffProject(tx, { projectId: s.projectId, ...bounds }, reader));
    parts.push(diff, before.entities, after.entities);
  }
  parts.push(await allPages(graph, s.projectId, reader, 3));
  parts.push(await allPages(graph, s.projectId, reader, 2, { entityType: 'Conflict' }));
  for (const entityId of [...s.hiddenIds, ...s.publicIds])
    parts.push(await allPages(graph, s.projectId, reader, 50, { entityId }));
  for (const change of s.log) {
    try {
      parts.push(await graph.read((tx) => readVisibleChange(tx, change.id, reader)));
    } catch (error) {
      expect(codeOf(error)).toBe('CHANGE_NOT_FOUND');
    }
  }
  return serialise(parts);
}

describe('confidentiality at the source (graph reads)', () => {
  let s: Scenario;
  beforeAll(async () => {
    s = await buildScenario(t.graph);
  });

  const principals = () => {
    const wall: Principal = {
      kind: 'wallLink',
      linkId: uniqueId('mur'),
      projectId: s.projectId,
      territoryId: s.territoryId,
      name: 'Mur',
    };
    return {
      wall,
      otherPilot: user('pilote-autre', [grant('PILOTE', s.territoryId, s.otherProjectId)]),
      pilot: user('pilote', [grant('PILOTE', s.territoryId, s.projectId)]),
      reviewer: user('relecteur', [grant('RELECTEUR', s.territoryId, null)]),
      admin: user('admin', [grant('ADMINISTRATEUR', null, null)]),
      anonymous: { kind: 'anonymous' } as Principal,
    };
  };

  it('reads the hidden set from the latest versions, ended items included', async () => {
    const hidden = await t.graph.read((tx) => readHiddenEntityIds(tx, s.projectId));
    // The owner actor is not the project's: it disappears from states as "present only through a hidden entity".
    expect([...hidden].sort()).toEqual(s.hiddenIds.filter((id) => !id.startsWith('act-')).sort());
  });

  const redactedCases: [string, (p: ReturnType<typeof principals>) => Reader][] = [
    ['a wall link (atelier)', (p) => ({ principal: p.wall })],
    ['a pilot of another project of the territory', (p) => ({ principal: p.otherPilot })],
    ['anonymous', (p) => ({ principal: p.anonymous })],
    ['the pilot, asking « sans éléments confidentiels »', (p) => ({ principal: p.pilot, confidential: false })],
    ['a relecteur, asking « sans éléments confidentiels »', (p) => ({ principal: p.reviewer, confidential: false })],
  ];
  for (const [name, readerOf] of redactedCases) {
    it(`gives ${name} no hidden id, text or change in any read`, async () => {
      const reader = readerOf(principals());
      const all = await everyRead(t.graph, s, reader);
      for (const id of s.hiddenIds) expect(all, id).not.toContain(id);
      for (const text of HIDDEN_TEXTS) expect(all, text).not.toContain(text);
      for (const id of s.hiddenChangeIds) expect(all, id).not.toContain(id);
      // …while what is public is there: the search is not trivially empty.
      for (const id of s.publicIds) expect(all, id).toContain(id);
      expect(all).toContain('PUBLISHED-TITLE');
      expect(all).toContain('Objectif 1');
    });
  }

  it('keeps redacted timeline pages full, in order, each visible change once', async () => {
    const { wall } = principals();
    const reader = { principal: wall };
    const hidden = await t.graph.read((tx) => readHiddenEntityIds(tx, s.projectId));
    const expected = redactChanges(s.log, hidden).map((c) => c.id);
    expect(expected.length).toBe(s.log.length - s.hiddenChangeIds.length);
    for (const first of [1, 2, 3, 7]) {
      const paged = await allPages(t.graph, s.projectId, reader, first);
      expect(paged.map((c) => c.id)).toEqual(expected);
    }
  });

  it('does not show an item published since as added, nor one made confidential since as ended', async () => {
    const reader = { principal: principals().wall };
    const { diff } = await t.graph.read((tx) => diffProject(tx, { projectId: s.projectId, from: at('2019-03-01') }, reader));
    const ids = serialise(diff);
    expect(ids).not.toContain(s.published.id);
    expect(ids).not.toContain(s.madeSecret.id);
    // From before it existed, the published item is simply new.
    const { diff: longer } = await t.graph.read((tx) =>
      diffProject(tx, { projectId: s.projectId, from: at('2018-06-01') }, reader),
    );
    expect(longer.added.map((r) => r.id)).toContain(s.published.id);
  });

  it("reviews each project of the territory as the reader may see it: a pilot sees their own project's secrets only", async () => {
    const { otherPilot, pilot } = principals();
    const asOther = serialise(
      await t.graph.read((tx) => readTerritoryReview(tx, s.territoryId, null, null, { principal: otherPilot })),
    );
    expect(asOther).toContain('Q-SECRET-TITLE');
    for (const text of HIDDEN_TEXTS) expect(asOther, text).not.toContain(text);
    const asPilot = serialise(
      await t.graph.read((tx) => readTerritoryReview(tx, s.territoryId, null, null, { principal: pilot })),
    );
    expect(asPilot).toContain('SECRET-OBJ-TITLE');
    expect(asPilot).not.toContain('Q-SECRET-TITLE');
  });

  for (const [name, pick] of [
    ['its pilot', (p: ReturnType<typeof principals>) => p.pilot],
    ['a relecteur of the territory', (p: ReturnType<typeof principals>) => p.reviewer],
    ['an administrator', (p: ReturnType<typeof principals>) => p.admin],
  ] as const) {
    it(`gives ${name} the confidential items`, async () => {
      const all = await everyRead(t.graph, s, { principal: pick(principals()) });
      for (const id of s.hiddenIds) expect(all, id).toContain(id);
      for (const text of HIDDEN_TEXTS) expect(all, text).toContain(text);
      for (const id of s.hiddenChangeIds) expect(all, id).toContain(id);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Through the API: every query a role may make, with every field it offers, searched the same way.
// ---------------------------------------------------------------------------------------------

/** A type reference of the introspection answer. */
interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface IntrospectedField {
  name: string;
  args: { name: string; type: TypeRef; defaultValue: string | null }[];
  type: TypeRef;
}
interface IntrospectedType {
  kind: string;
  name: string;
  fields: IntrospectedField[] | null;
  possibleTypes: { name: string }[] | null;
}
/** The schema as the server describes it (plain JSON: no second copy of graphql-js in the test). */
type Schema = Map<string, IntrospectedType>;

const INTROSPECTION = `{ __schema { types { kind name possibleTypes { name }
  fields { name type { ...T } args { name defaultValue type { ...T } } } } } }
  fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name
    ofType { kind name ofType { kind name ofType { kind name } } } } } } } }`;

const namedOf = (ref: TypeRef): string => ref.name ?? namedOf(ref.ofType!);
const typeText = (ref: TypeRef): string =>
  ref.kind === 'NON_NULL' ? `${typeText(ref.ofType!)}!` : ref.kind === 'LIST' ? `[${typeText(ref.ofType!)}]` : ref.name!;
const needsArgument = (field: IntrospectedField) =>
  field.args.some((arg) => arg.type.kind === 'NON_NULL' && arg.defaultValue === null);

/**
 * A selection of every field of a type that needs no argument (or has defaults), following
 * object fields `depth` levels down, every implementation of an abstract type included. Named
 * fragments per (type, depth) keep the document small (the API limits tokens per operation).
 */
class Selections {
  readonly fragments = new Map<string, string>();
  constructor(private readonly schema: Schema) {}

  private isLeaf(name: string): boolean {
    const kind = this.schema.get(name)?.kind;
    return kind === 'SCALAR' || kind === 'ENUM';
  }

  of(typeName: string, depth: number): string {
    if (this.isLeaf(typeName)) return '';
    const name = `F_${typeName}_${depth}`;
    if (!this.fragments.has(name)) {
      this.fragments.set(name, '');
      this.fragments.set(name, `fragment ${name} on ${typeName} { ${this.body(typeName, depth)} }`);
    }
    return `{ ...${name} }`;
  }

  private body(typeName: string, depth: number): string {
    const type = this.schema.get(typeName)!;
    if (type.kind === 'INTERFACE' || type.kind === 'UNION') {
      const parts = (type.possibleTypes ?? []).map((t) => `... on ${t.name} ${this.of(t.name, depth)}`);
      return `__typename ${parts.join(' ')}`;
    }
    const parts = ['__typename'];
    for (const field of type.fields ?? []) {
      if (needsArgument(field)) continue;
      const target = namedOf(field.type);
      if (this.isLeaf(target)) parts.push(field.name);
      else if (depth > 0) parts.push(`${field.name} ${this.of(target, depth - 1)}`);
    }
    return parts.join(' ');
  }

  /**
   * `query Q(args) { result: rootField { path[0] { path[1] … <every field of typeName> } } }`, with
   * its fragments; `typeName` is the type at the end of the path.
   */
  document(rootField: string, args: string, typeName: string, depth: number, path: readonly string[] = []): string {
    this.fragments.clear();
    const selection = this.of(typeName, depth);
    const inner = path.reduceRight((sub, field) => `{ ${field} ${sub} }`, selection || '');
    return `query Q${args ? `(${args})` : ''} { result: ${rootField} ${inner} }\n${[...this.fragments.values()].join('\n')}`;
  }

  /** The object fields of a type one may select without arguments, and whether it is an object type. */
  /**
   * How to split a selection too costly for the API: an object type's non-leaf fields (one level
   * down), or an abstract type's implementations (as `... on T`, same level). Null for a leaf.
   */
  branches(typeName: string): { step: string; type: string; down: number }[] | null {
    const type = this.schema.get(typeName);
    if (type?.kind === 'INTERFACE' || type?.kind === 'UNION') {
      return (type.possibleTypes ?? []).map((t) => ({ step: `... on ${t.name}`, type: t.name, down: 0 }));
    }
    if (type?.kind !== 'OBJECT') return null;
    return (type.fields ?? [])
      .filter((f) => !needsArgument(f) && !this.isLeaf(namedOf(f.type)))
      .map((f) => ({ step: f.name, type: namedOf(f.type), down: 1 }));
  }
}

/** Fails with where the needle was found (the answers are too long for the assertion's diff). */
function expectAbsent(all: string, needle: string): void {
  const at = all.indexOf(needle);
  expect(at < 0 ? '' : all.slice(Math.max(0, at - 600), at + 200), needle).toBe('');
}

type Ask = (query: string, variables?: Record<string, unknown>) => Promise<GqlResult>;

// A territory's lists (`territory { actors projects }`, also reached as `project { territory { … } }`)
// answer to the territory's own read right (resolvers/entities.ts): a wall link, which may read
// only its project, is refused them. A pilot of another project may read the territory, and its
// actor register is the territory's, not a project's: the owner of a confidential objective is an
// actor of the territory that every pilot of it may read and edit, so it stays listed there — with
// nothing that ties it to the confidential objective (checked below: the objective's ids and texts
// appear nowhere).

/** Root query fields that say nothing about a project's content (accounts, the viewer): not searched for. */
const NOT_ABOUT_CONTENT = new Set(['me', 'viewer', 'apiTokens', 'wallLinks', 'users', 'allowedDomains']);

/** Runs root query fields with every field selected (see Selections), answers pushed to `parts`, fields to `asked`. */
function queryRunner(ask: Ask, schema: Schema, parts: unknown[], asked: Set<string>) {
  const selections = new Selections(schema);
  const queryFields = schema.get('Query')!.fields!;
  return async (field: string, variables: Record<string, unknown>, depth = 3): Promise<GqlResult> => {
    const def = queryFields.find((f) => f.name === field);
    if (!def) throw new Error(`no Query.${field}`);
    asked.add(field);
    const used = def.args.filter((arg) => arg.name in variables);
    const decl = used.map((arg) => `$${arg.name}: ${typeText(arg.type)}`).join(', ');
    const call = used.length ? `${field}(${used.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : field;
    // Too costly for the API's limits: the same fields, one branch per query, deeper branches split again.
    const deep = async (typeName: string, path: string[], level: number): Promise<GqlResult> => {
      const document = selections.document(call, decl, typeName, level, path);
      const result = await ask(document, variables);
      const tooComplex = result.errors?.some((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX');
      const branches = selections.branches(typeName);
      if (!tooComplex || level === 0 || !branches) {
        for (const error of result.errors ?? []) {
          // Refused (not this role's) is fine; anything else is a broken test query.
          expect(
            ['FORBIDDEN', 'UNAUTHENTICATED', 'CHANGE_NOT_FOUND'],
            `${field}: ${error.message} in ${document.slice(0, 400)}`,
          ).toContain(error.extensions?.code);
        }
        parts.push(result);
        return result;
      }
      if (branches.every((b) => b.down === 1)) await deep(typeName, path, 0);
      for (const branch of branches) await deep(branch.type, [...path, branch.step], level - branch.down);
      return result;
    };
    return deep(namedOf(def.type), [], depth);
  };
}

/** Every query about the project and its territory, every field, as one principal: the answers in one string. */
async function everyQuery(ask: Ask, schema: Schema, s: Scenario): Promise<{ all: string; asked: Set<string> }> {
  const queryFields = schema.get('Query')!.fields!;
  const parts: unknown[] = [];
  const asked = new Set<string>();
  const run = queryRunner(ask, schema, parts, asked);
  const moments = [undefined, '2018-06-01T00:00:00Z', '2019-03-01T00:00:00Z', '2019-07-01T00:00:00Z', '2020-06-01T00:00:00Z'];
  for (const asOf of moments) {
    await run('project', { id: s.projectId, asOf });
    await run('projectMap', { projectId: s.projectId, asOf });
    await run('projectMap', { projectId: s.projectId, asOf, hideConfidential: true });
    await run('projectAnalysis', { projectId: s.projectId, asOf });
    await run('territory', { id: s.territoryId, asOf });
  }
  // Every territory the principal may read, two levels deep: deeper, each actor's territory lists
  // the whole register again — the answer grows with the square of the shared test database (an
  // L territory of 2,000 actors: beyond what JSON.stringify can hold). `territory` above goes deep.
  await run('territories', {}, 2);
  await run('projectLayout', { projectId: s.projectId });
  for (const bounds of [
    { from: '2018-06-01T00:00:00Z' },
    { from: '2019-03-01T00:00:00Z', to: '2020-06-01T00:00:00Z' },
    { fromMilestone: s.milestoneId },
  ]) {
    await run('projectDiff', { projectId: s.projectId, ...bounds });
  }
  for (const review of [{}, { since: '2019-03-01T00:00:00Z' }, { sinceMilestone: s.milestoneId }, { confidential: true }]) {
    await run('territoryReview', { territoryId: s.territoryId, ...review }, 4);
  }
  for (const filter of [{}, { entityType: 'Conflict' }, ...s.hiddenIds.map((entityId) => ({ entityId }))]) {
    let after: string | null = null;
    for (;;) {
      const result = await run('projectTimeline', { projectId: s.projectId, first: 3, after, ...filter });
      const page = (result.data as { result?: { endCursor: string | null; changes: unknown[] } } | null)?.result;
      if (!page?.endCursor) break;
      expect(page.changes).toHaveLength(3);
      after = page.endCursor;
    }
  }
  for (const filter of [{}, { entityType: 'Conflict' }, { withActors: true }, ...s.hiddenIds.map((entityId) => ({ entityId }))]) {
    await run('projectTimelineAuthors', { projectId: s.projectId, ...filter });
  }
  for (const change of s.log) await run('change', { id: change.id });
  // Exports: the text formats, decoded (base64 would hide a leak from the search), for the
  // project and the territory; xlsx is zipped, its tables are the csv's.
  for (const format of ['csv', 'graphml', 'gexf', 'cyjs', 'kumu']) {
    for (const scope of [{ projectId: s.projectId }, { territoryId: s.territoryId }]) {
      const result = await run('exportProject', { ...scope, format });
      const files = (result.data as { result?: { base64: string }[] } | null)?.result ?? [];
      for (const file of files) parts.push(Buffer.from(file.base64, 'base64').toString('utf8'));
    }
  }
  // Any other query: asked without arguments when it takes none, and searched too.
  for (const field of queryFields) {
    if (asked.has(field.name) || NOT_ABOUT_CONTENT.has(field.name)) continue;
    if (needsArgument(field)) {
      throw new Error(`Query.${field.name} is not covered by the confidentiality test: add it to everyQuery`);
    }
    await run(field.name, {});
  }
  // « Le changement « chg-… » n'existe pas » repeats the id the caller sent: not a leak. Keep
  // the refusal's code only, so the search still sees every other answer whole.
  const searched = parts.map((part) => {
    const result = part as GqlResult;
    if (!result?.errors?.length || !result.errors.every((e) => e.extensions?.code === 'CHANGE_NOT_FOUND')) return part;
    return { ...result, errors: result.errors.map(() => ({ code: 'CHANGE_NOT_FOUND' })) };
  });
  return { all: JSON.stringify(searched), asked };
}

describe('confidentiality at the source (GraphQL API)', () => {
  const api = useTestApp();
  let s: Scenario;
  let schema: Schema;
  const asked = new Map<string, Ask>();

  beforeAll(async () => {
    s = await buildScenario(api.graph);
    // A saved layout holding every node, hidden ones included: the layout query must drop those.
    const positions = Object.fromEntries([...s.hiddenIds, ...s.publicIds].map((id, i) => [id, { x: i, y: i }]));
    await api.graph.write((tx) => saveLayout(tx, s.projectId, positions, TEST_AUTHOR));
    // Real users with their grants and a wall link, signed in by their secrets (Bearer).
    const pilot = await createPilot(api.graph, s.projectId);
    const secrets: Record<string, string> = {
      wall: await createTestWallLink(api.graph, s.projectId, pilot.user.id),
      otherPilot: (await createPilot(api.graph, s.otherProjectId, 'Pilote d’un autre projet')).token,
      pilot: pilot.token,
      reviewer: (await createReviewer(api.graph, s.territoryId)).token,
      admin: api.admin.token,
    };
    for (const [name, secret] of Object.entries(secrets)) {
      asked.set(name, (query, variables = {}) => api.gqlAs(secret, query, variables));
    }
    const introspection = await asked.get('admin')!(INTROSPECTION);
    const types = (introspection.data as { __schema: { types: IntrospectedType[] } }).__schema.types;
    schema = new Map(types.map((type) => [type.name, type]));
  });

  for (const [name, who] of [
    ['a wall link (atelier)', 'wall'],
    ['a pilot of another project of the territory', 'otherPilot'],
  ] as const) {
    it(`gives ${name} no hidden id, text or change in any field of any query`, async () => {
      const { all } = await everyQuery(asked.get(who)!, schema, s);
      // The territory's actor register (see above): the owner's presence there is the territory's, for a pilot.
      const register = who === 'otherPilot' ? new Set([s.ownerId, 'SECRET-OWNER-NAME']) : new Set<string>();
      for (const id of s.hiddenIds) if (!register.has(id)) expectAbsent(all, id);
      for (const text of HIDDEN_TEXTS) if (!register.has(text)) expectAbsent(all, text);
      for (const id of s.hiddenChangeIds) expectAbsent(all, id);
      for (const id of s.publicIds) expect(all, id).toContain(id);
      expect(all).toContain('PUBLISHED-TITLE');
    }, 300_000);
  }

  it('gives a relecteur asking « sans éléments confidentiels » a review and analysis without them', async () => {
    const parts: unknown[] = [];
    const run = queryRunner(asked.get('reviewer')!, schema, parts, new Set());
    const review = await run('territoryReview', { territoryId: s.territoryId, confidential: false });
    await run('territoryReview', { territoryId: s.territoryId, confidential: false, since: '2019-03-01T00:00:00Z' });
    await run('projectAnalysis', { projectId: s.projectId, confidential: false });
    const all = JSON.stringify(parts);
    // (`review` is the first answer; a split one carries QUERY_TOO_COMPLEX, its branches are in `parts`.)
    expect(review.errors?.every((e) => e.extensions?.code === 'QUERY_TOO_COMPLEX') ?? true).toBe(true);
    for (const id of s.hiddenIds) expect(all, id).not.toContain(id);
    for (const text of HIDDEN_TEXTS) expect(all, text).not.toContain(text);
    expect(all).not.toContain('Q-SECRET-TITLE');
    expect(all).toContain(s.publicIds[0]);
  });

  for (const who of ['pilot', 'reviewer', 'admin'] as const) {
    it(`gives the ${who} the confidential items`, async () => {
      const { all } = await everyQuery(asked.get(who)!, schema, s);
      for (const id of s.hiddenIds) expect(all, id).toContain(id);
      for (const text of HIDDEN_TEXTS) expect(all, text).toContain(text);
    }, 300_000);
  }
});
