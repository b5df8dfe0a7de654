import { describe, expect, it } from 'vitest';
import { seededRandom } from '@trame/graph';
import { uniqueId } from './support/graph.ts';
import { gql } from './support/http.ts';
import { useTestApp } from './support/app.ts';

/**
 * The oracle test: a seeded random sequence of dated mutations goes through the API; for many
 * dates, the `asOf` read must equal the state computed independently by replaying the sequence
 * here. The generator only ends leaves (engagements, positions, conflicts), so the replay needs
 * no cascade rules: it checks the store, not a copy of its logic.
 */

type Values = Record<string, unknown>;
interface Modelled {
  type: 'Engagement' | 'Objective' | 'Position' | 'Conflict';
  version: number;
  /** Dated events: the values from that date on, or null once ended. */
  events: { at: number; values: Values | null }[];
}

const LEVELS = ['CONCERNE', 'INFORME', 'PARTICIPANT', 'COOPERANT', 'MOTEUR'];
const STATUSES = ['IDENTIFIE', 'MIS_AU_TRAVAIL', 'ARBITRE', 'DEPASSE', 'PERSISTANT'];
const DAY = 86_400_000;

const t = useTestApp();

async function mutate<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await gql<T>(t.app, query, variables);
  if (result.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

const iso = (ms: number) => new Date(ms).toISOString();

function stateAt(model: Map<string, Modelled>, t: number): Map<string, { type: string; values: Values }> {
  const out = new Map<string, { type: string; values: Values }>();
  for (const [id, entity] of model) {
    let current: Values | null = null;
    for (const event of entity.events) if (event.at <= t) current = event.values;
    if (current) out.set(id, { type: entity.type, values: current });
  }
  return out;
}

const READ = /* GraphQL */ `
  query($id: ID!, $asOf: DateTime) {
    project(id: $id, asOf: $asOf) {
      engagements { id level actor { id } }
      objectives { id title }
      positions { id value actor { id } objective { id } }
      conflicts { id status intensity objectiveA { id } objectiveB { id } }
    }
  }
`;

interface ReadResult {
  project: {
    engagements: { id: string; level: string; actor: { id: string } }[];
    objectives: { id: string; title: string }[];
    positions: { id: string; value: number; actor: { id: string }; objective: { id: string } }[];
    conflicts: { id: string; status: string; intensity: number; objectiveA: { id: string }; objectiveB: { id: string } }[];
  };
}

function normaliseRead(read: ReadResult): Map<string, { type: string; values: Values }> {
  const out = new Map<string, { type: string; values: Values }>();
  for (const e of read.project.engagements)
    out.set(e.id, { type: 'Engagement', values: { actorId: e.actor.id, level: e.level } });
  for (const o of read.project.objectives) out.set(o.id, { type: 'Objective', values: { title: o.title } });
  for (const p of read.project.positions) {
    out.set(p.id, { type: 'Position', values: { actorId: p.actor.id, objectiveId: p.objective.id, value: p.value } });
  }
  for (const c of read.project.conflicts) {
    out.set(c.id, {
      type: 'Conflict',
      values: { objectiveAId: c.objectiveA.id, objectiveBId: c.objectiveB.id, status: c.status, intensity: c.intensity },
    });
  }
  return out;
}

describe('asOf reads against an independent replay', () => {
  it.each([20251125, 7, 4242])('seed %i: every sampled date reads exactly the replayed state', async (seed) => {
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    let clock = Date.UTC(2016, 0, 1);
    const tick = () => (clock += Math.floor(1 + random() * 40) * DAY);

    const { createTerritory } = await mutate<{ createTerritory: { id: string } }>(
      `mutation($n: String!, $at: DateTime) { createTerritory(input: { name: $n, code: "59", kind: COMMUNE }, validFrom: $at) { id } }`,
      { n: uniqueId('Commune'), at: iso(clock) },
    );
    const { createProject } = await mutate<{ createProject: { id: string } }>(
      `mutation($t: ID!, $at: DateTime) { createProject(input: { territoryId: $t, name: "Projet oracle" }, validFrom: $at) { id } }`,
      { t: createTerritory.id, at: iso(clock) },
    );
    const projectId = createProject.id;
    const model = new Map<string, Modelled>();
    const actors: string[] = [];
    const open = (type: Modelled['type']) =>
      [...model.entries()].filter(([, e]) => e.type === type && e.events[e.events.length - 1]!.values !== null).map(([id]) => id);
    const record = (id: string, type: Modelled['type'], values: Values, version: number) => {
      const entity = model.get(id);
      if (entity) {
        entity.events.push({ at: clock, values });
        entity.version = version;
      } else model.set(id, { type, version, events: [{ at: clock, values }] });
    };
    const latest = (id: string) => model.get(id)!.events[model.get(id)!.events.length - 1]!.values!;
    const end = async (type: Modelled['type'], id: string) => {
      await mutate(`mutation($id: ID!, $v: Int!, $at: DateTime) { end${type}(id: $id, version: $v, validFrom: $at) { id } }`, {
        id,
        v: model.get(id)!.version,
        at: iso(clock),
      });
      model.get(id)!.events.push({ at: clock, values: null });
    };

    for (let step = 0; step < 70; step += 1) {
      tick();
      const engagements = open('Engagement');
      const objectives = open('Objective');
      const positions = open('Position');
      const conflicts = open('Conflict');
      const engagedActors = engagements.map((id) => latest(id).actorId as string);
      const freeActors = actors.filter((a) => !engagedActors.includes(a));
      const roll = random();
      if (roll < 0.15 || engagements.length < 2) {
        const { createActor } = await mutate<{ createActor: { id: string } }>(
          `mutation($t: ID!, $at: DateTime) { createActor(input: { territoryId: $t, name: "Acteur", kind: ASSOCIATION }, validFrom: $at) { id } }`,
          { t: createTerritory.id, at: iso(clock) },
        );
        actors.push(createActor.id);
        const level = pick(LEVELS);
        const { createEngagement } = await mutate<{ createEngagement: { id: string; version: number } }>(
          `mutation($a: ID!, $p: ID!, $l: EngagementLevel!, $at: DateTime) { createEngagement(input: { actorId: $a, projectId: $p, level: $l }, validFrom: $at) { id version } }`,
          { a: createActor.id, p: projectId, l: level, at: iso(clock) },
        );
        record(createEngagement.id, 'Engagement', { actorId: createActor.id, level }, createEngagement.version);
      } else if (roll < 0.25 && freeActors.length > 0) {
        const actorId = pick(freeActors); // an actor who left comes back
        const { createEngagement } = await mutate<{ createEngagement: { id: string; version: number } }>(
          `mutation($a: ID!, $p: ID!, $at: DateTime) { createEngagement(input: { actorId: $a, projectId: $p, level: INFORME }, validFrom: $at) { id version } }`,
          { a: actorId, p: projectId, at: iso(clock) },
        );
        record(createEngagement.id, 'Engagement', { actorId, level: 'INFORME' }, createEngagement.version);
      } else if (roll < 0.4) {
        const id = pick(engagements);
        const level = pick(LEVELS.filter((l) => l !== latest(id).level));
        const { updateEngagement } = await mutate<{ updateEngagement: { version: number } }>(
          `mutation($id: ID!, $v: Int!, $l: EngagementLevel, $at: DateTime) { updateEngagement(id: $id, version: $v, patch: { level: $l }, validFrom: $at) { version } }`,
          { id, v: model.get(id)!.version, l: level, at: iso(clock) },
        );
        record(id, 'Engagement', { ...latest(id), level }, updateEngagement.version);
      } else if (roll < 0.47 && engagements.length > 3) {
        const id = pick(engagements);
        const actorId = latest(id).actorId as string;
        // An actor leaving: its positions end first, as a pilot would record it.
        for (const positionId of positions.filter((p) => latest(p).actorId === actorId)) await end('Position', positionId);
        await end('Engagement', id);
      } else if (roll < 0.6 || objectives.length < 2) {
        const title = `Objectif ${step}`;
        const { createObjective } = await mutate<{ createObjective: { id: string; version: number } }>(
          `mutation($p: ID!, $t: String!, $at: DateTime) { createObjective(input: { projectId: $p, title: $t, dimensions: [SOCIAL], nature: MATERIEL, confidential: false }, validFrom: $at) { id version } }`,
          { p: projectId, t: title, at: iso(clock) },
        );
        record(createObjective.id, 'Objective', { title }, createObjective.version);
      } else if (roll < 0.75) {
        const taken = new Set(positions.map((p) => `${latest(p).actorId}|${latest(p).objectiveId}`));
        const pairs = engagedActors
          .flatMap((a) => objectives.map((o) => [a, o] as const))
          .filter(([a, o]) => !taken.has(`${a}|${o}`));
        if (pairs.length === 0) continue;
        const [actorId, objectiveId] = pick(pairs);
        const value = Math.floor(random() * 9) - 4;
        const { createPosition } = await mutate<{ createPosition: { id: string; version: number } }>(
          `mutation($a: ID!, $o: ID!, $v: Int!, $at: DateTime) { createPosition(input: { actorId: $a, objectiveId: $o, value: $v }, validFrom: $at) { id version } }`,
          { a: actorId, o: objectiveId, v: value, at: iso(clock) },
        );
        record(createPosition.id, 'Position', { actorId, objectiveId, value }, createPosition.version);
      } else if (roll < 0.85 && positions.length > 0) {
        const id = pick(positions);
        if (random() < 0.25) {
          await end('Position', id);
          continue;
        }
        const value = (((latest(id).value as number) + 5) % 9) - 4;
        const { updatePosition } = await mutate<{ updatePosition: { version: number } }>(
          `mutation($id: ID!, $v: Int!, $value: Int, $at: DateTime) { updatePosition(id: $id, version: $v, patch: { value: $value }, validFrom: $at) { version } }`,
          { id, v: model.get(id)!.version, value, at: iso(clock) },
        );
        record(id, 'Position', { ...latest(id), value }, updatePosition.version);
      } else if (conflicts.length === 0 || random() < 0.5) {
        const [a, b] = [pick(objectives), pick(objectives)];
        if (a === b) continue;
        const intensity = 1 + Math.floor(random() * 4);
        const { createConflict } = await mutate<{ createConflict: { id: string; version: number } }>(
          `mutation($a: ID!, $b: ID!, $i: Int!, $at: DateTime) { createConflict(input: { objectiveAId: $a, objectiveBId: $b, intensity: $i, status: IDENTIFIE, confidential: false }, validFrom: $at) { id version } }`,
          { a, b, i: intensity, at: iso(clock) },
        );
        record(
          createConflict.id,
          'Conflict',
          { objectiveAId: a, objectiveBId: b, status: 'IDENTIFIE', intensity },
          createConflict.version,
        );
      } else {
        const id = pick(conflicts);
        const status = pick(STATUSES.filter((s) => s !== latest(id).status));
        const { updateConflict } = await mutate<{ updateConflict: { version: number } }>(
          `mutation($id: ID!, $v: Int!, $s: ConflictStatus, $at: DateTime) { updateConflict(id: $id, version: $v, patch: { status: $s, arbitration: "Arbitrage consigné" }, validFrom: $at) { version } }`,
          { id, v: model.get(id)!.version, s: status, at: iso(clock) },
        );
        record(id, 'Conflict', { ...latest(id), status }, updateConflict.version);
      }
    }

    // Every change date, the instant just before it, and random dates in between.
    const changeDates = [...new Set([...model.values()].flatMap((e) => e.events.map((ev) => ev.at)))];
    const samples = [
      ...changeDates.filter(() => random() < 0.5),
      ...changeDates.filter(() => random() < 0.3).map((t) => t - 1),
      ...Array.from(
        { length: 10 },
        () => Date.UTC(2016, 0, 1) + Math.floor(random() * (clock - Date.UTC(2016, 0, 1) + 30 * DAY)),
      ),
    ];
    expect(samples.length).toBeGreaterThan(20);
    for (const t of samples) {
      const read = await mutate<ReadResult>(READ, { id: projectId, asOf: iso(t) });
      expect(normaliseRead(read), `as of ${iso(t)}`).toEqual(stateAt(model, t));
    }
  });
});
