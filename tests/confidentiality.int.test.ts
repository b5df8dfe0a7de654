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
import { useTestGraph } from './support/app.ts';

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
