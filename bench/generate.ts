import type { EntityType } from '@trame/graph';
import { isoDay as day } from '@trame/graph/model';
import type { BulkOp } from '../graph/src/store/bulk.ts';

/**
 * A seeded generator of realistic territories: territories with projects of uneven sizes,
 * actors shared between the projects of a territory, objectives, relations (positions,
 * influences, cooperations, convergences, conflicts), perimeters with their leaps, ecosystems,
 * externalities, milestones, and a dated history of what pilots record after meetings
 * (engagement levels and positions moving, conflicts worked on, notes, actors leaving).
 *
 * The output is a list of domain operations in chronological order, loadable through the
 * domain commands (`loadThroughCommands`) or in bulk (`bulkLoad`) with the same result.
 */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SizeSpec {
  name: string;
  territories: number;
  projects: number;
  actors: number;
  objectives: number;
  /** Positions, influences, cooperations, convergences and conflicts. */
  relations: number;
  /** Recorded changes in all, creations included. */
  changes: number;
  /** Explicit number of dated updates and ends (instead of `changes` minus the creations). */
  updates?: number;
  from: Date;
  to: Date;
  /** Project weights are (rank+1)^-skew: 0 gives equal projects. */
  skew?: number;
  /** At least this many perimeters per project (so small datasets have leaps too). */
  minPerimeters?: number;
  /** Whether the history ends relations and engagements (default true). */
  ends?: boolean;
}

const D = (iso: string) => new Date(`${iso}T00:00:00Z`);
const EIGHT_YEARS = { from: D('2018-01-01'), to: D('2026-01-01') };

export const SIZES: Record<'S' | 'M' | 'L' | 'XL', SizeSpec> = {
  S: { name: 'S', territories: 1, projects: 1, actors: 50, objectives: 80, relations: 400, changes: 2_000, ...EIGHT_YEARS },
  M: { name: 'M', territories: 2, projects: 10, actors: 500, objectives: 800, relations: 5_000, changes: 20_000, ...EIGHT_YEARS },
  L: {
    name: 'L',
    territories: 4,
    projects: 40,
    actors: 2_000,
    objectives: 3_000,
    relations: 20_000,
    changes: 100_000,
    ...EIGHT_YEARS,
  },
  // Issue 11 part 6: ten times L in history, five in entities; loaded by bench/scale.ts only.
  XL: {
    name: 'XL',
    territories: 10,
    projects: 100,
    actors: 10_000,
    objectives: 15_000,
    relations: 100_000,
    changes: 1_000_000,
    ...EIGHT_YEARS,
  },
};

export interface MilestoneInfo {
  id: string;
  date: string;
}
export interface ProjectInfo {
  id: string;
  territoryId: string;
  start: Date;
  share: number;
  milestones: MilestoneInfo[];
  actorIds: string[];
  objectiveIds: string[];
  positionIds: string[];
  engagementIds: string[];
}
export interface TerritoryInfo {
  id: string;
  projectIds: string[];
  actorIds: string[];
}
export interface Dataset {
  spec: SizeSpec;
  prefix: string;
  ops: BulkOp[];
  territories: TerritoryInfo[];
  projects: ProjectInfo[];
  largestProject: ProjectInfo;
  largestTerritory: TerritoryInfo;
  counts: { creates: number; updates: number; ends: number; byType: Partial<Record<EntityType, number>> };
}

const LEVELS = ['CONCERNE', 'INFORME', 'PARTICIPANT', 'COOPERANT', 'MOTEUR'] as const;
const ACTOR_KINDS = ['ELU', 'SERVICE', 'ENTREPRISE', 'ASSOCIATION', 'HABITANT', 'INSTITUTION', 'TIERS', 'FINANCEUR'] as const;
const DIMENSIONS = ['SOCIAL', 'ECOLOGIQUE', 'ECONOMIQUE'] as const;
const PLACES = [
  'Malaunay',
  'Barentin',
  'Pavilly',
  'Houppeville',
  'Montville',
  'Déville',
  'Maromme',
  'Notre-Dame',
  'Canteleu',
  'Bapeaume',
  'Eslettes',
  'Fontaine',
];
const ACTOR_NAMES: Record<(typeof ACTOR_KINDS)[number], string[]> = {
  ELU: ['Maire de', 'Adjointe à la transition de', 'Conseiller communautaire de'],
  SERVICE: ['Service urbanisme de', 'Direction des services techniques de', 'CCAS de'],
  ENTREPRISE: ['Boulangerie de', 'Menuiserie de', 'Bureau d’études de', 'Ferme maraîchère de'],
  ASSOCIATION: ['AMAP de', 'Comité des fêtes de', 'Repair café de', 'Jardins partagés de'],
  HABITANT: ['Collectif d’habitants de', 'Conseil de quartier de', 'Parents d’élèves de'],
  INSTITUTION: ['Collège de', 'Département pour', 'Agence de l’eau pour'],
  TIERS: ['Bailleur social de', 'Chambre d’agriculture pour', 'Syndicat des eaux de'],
  FINANCEUR: ['ADEME pour', 'Région pour', 'Fondation pour'],
};
const OBJECTIVE_THEMES = [
  'Réduire la facture énergétique des écoles',
  'Créer une cantine en circuit court',
  'Rénover les logements sociaux',
  'Ouvrir une recyclerie',
  'Végétaliser les cours d’école',
  'Développer le covoiturage',
  'Installer des panneaux solaires citoyens',
  'Préserver la zone humide',
  'Maintenir les commerces du centre-bourg',
  'Former les artisans à la rénovation',
  'Limiter l’artificialisation des sols',
  'Créer des emplois d’insertion',
];

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const DAY = 86_400_000;

function sample<T>(rng: Rng, list: readonly T[], count: number): T[] {
  const copy = [...list];
  const n = Math.min(count, copy.length);
  for (let i = 0; i < n; i += 1) {
    const j = i + Math.floor(rng() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

interface Draft {
  seq: number;
  date: Date;
  type: EntityType;
  id: string;
  projectIndex: number | null;
  territoryIndex: number;
  input: Record<string, unknown>;
}

/** What the history walk knows of a live entity: enough to write a patch that changes something. */
interface Live {
  id: string;
  type: EntityType;
  projectIndex: number | null;
  territoryIndex: number;
  values: Record<string, unknown>;
  created: Date;
  pool: Live[] | null;
  poolIndex: number;
}

export interface GenerateOptions {
  /** Author of every change. */
  author?: string;
}

/** Generates a dataset; `prefix` makes its ids unique in a shared database (lowercase, digits). */
export function generateDataset(spec: SizeSpec, seed: number, prefix: string, options: GenerateOptions = {}): Dataset {
  const rng = mulberry32(seed);
  const author = options.author ?? 'bench';
  const span = spec.to.getTime() - spec.from.getTime();
  const at = (ms: number) =>
    new Date(Math.min(spec.to.getTime() - DAY, Math.max(spec.from.getTime(), Math.floor(ms / 60_000) * 60_000)));
  const drafts: Draft[] = [];
  let seq = 0;
  const counters = new Map<string, number>();
  const idOf = (kind: string) => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${prefix}-${kind}-${n}`;
  };
  const draft = (
    type: EntityType,
    kind: string,
    date: Date,
    territoryIndex: number,
    projectIndex: number | null,
    input: Record<string, unknown>,
  ) => {
    const d: Draft = { seq: seq++, date, type, id: idOf(kind), projectIndex, territoryIndex, input };
    drafts.push(d);
    return d;
  };

  // Projects of uneven sizes, spread over the territories (the first territory gets the most).
  const skew = spec.skew ?? 0.5;
  const weights = Array.from({ length: spec.projects }, (_, p) => (p + 1) ** -skew);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => w / totalWeight);
  const quotaWeights = Array.from({ length: spec.territories }, (_, t) => spec.territories - t);
  const quotaTotal = quotaWeights.reduce((a, b) => a + b, 0);
  const quotas = quotaWeights.map((w) => Math.max(1, (w / quotaTotal) * spec.projects));
  const assigned = Array<number>(spec.territories).fill(0);
  const projectTerritory = shares.map(() => {
    let best = 0;
    for (let t = 1; t < spec.territories; t += 1) {
      if ((quotas[t]! - assigned[t]!) / quotas[t]! > (quotas[best]! - assigned[best]!) / quotas[best]!) best = t;
    }
    assigned[best]! += 1;
    return best;
  });
  const territoryShare = Array.from({ length: spec.territories }, (_, t) =>
    shares.reduce((sum, s, p) => sum + (projectTerritory[p] === t ? s : 0), 0),
  );

  // Territories and their actors.
  const territories: TerritoryInfo[] = [];
  const actorDates = new Map<string, Date>();
  let actorsLeft = spec.actors;
  for (let t = 0; t < spec.territories; t += 1) {
    const place = PLACES[t % PLACES.length]!;
    const territory = draft('Territory', 'ter', spec.from, t, null, {
      name: `Communauté de communes ${place}${t >= PLACES.length ? ` ${t}` : ''}`,
      code: String(76000 + t),
      kind: spec.projects > 1 ? 'INTERCOMMUNALITE' : 'COMMUNE',
    });
    territories.push({ id: territory.id, projectIds: [], actorIds: [] });
    const count = t === spec.territories - 1 ? actorsLeft : Math.max(10, Math.round(spec.actors * territoryShare[t]!));
    actorsLeft -= count;
    for (let i = 0; i < count; i += 1) {
      const kind = pick(rng, ACTOR_KINDS);
      const date = at(spec.from.getTime() + rng() ** 2 * 0.5 * span);
      const actor = draft('Actor', 'act', date, t, null, {
        territoryId: territory.id,
        name: `${pick(rng, ACTOR_NAMES[kind])} ${pick(rng, PLACES)} ${i + 1}`,
        kind,
        description: rng() < 0.5 ? `Acteur repéré lors du diagnostic de ${day(date)}` : null,
      });
      territories[t]!.actorIds.push(actor.id);
      actorDates.set(actor.id, date);
    }
  }

  // Projects and their content.
  const projects: ProjectInfo[] = [];
  const actorKind = new Map<string, Draft>();
  for (const d of drafts) if (d.type === 'Actor') actorKind.set(d.id, d);
  for (let p = 0; p < spec.projects; p += 1) {
    const t = projectTerritory[p]!;
    const territory = territories[t]!;
    const start = p === 0 ? spec.from : at(spec.from.getTime() + rng() * 0.6 * span);
    const life = spec.to.getTime() - start.getTime();
    const when = (fraction: number) => at(start.getTime() + fraction * life);
    const project = draft('Project', 'prj', start, t, p, {
      territoryId: territory.id,
      name: `${pick(rng, ['Transition énergétique', 'Alimentation durable', 'Mobilités douces', 'Centre-bourg vivant', 'Eau et biodiversité', 'Économie circulaire'])} ${p + 1}`,
      description: `Projet de transition lancé le ${day(start)}`,
    });
    territory.projectIds.push(project.id);
    const share = shares[p]!;
    const info: ProjectInfo = {
      id: project.id,
      territoryId: territory.id,
      start,
      share,
      milestones: [],
      actorIds: [],
      objectiveIds: [],
      positionIds: [],
      engagementIds: [],
    };
    projects.push(info);

    // Milestones: a steering committee about every year.
    for (
      let m = 0, date = start.getTime() + 120 * DAY;
      date < spec.to.getTime() - 30 * DAY;
      m += 1, date += (300 + rng() * 130) * DAY
    ) {
      const d = at(date);
      const midnight = new Date(`${day(d)}T00:00:00Z`);
      const milestone = draft('Milestone', 'mil', midnight, t, p, {
        projectId: project.id,
        name: `Comité de pilotage ${m + 1}`,
        date: day(d),
      });
      info.milestones.push({ id: milestone.id, date: day(d) });
    }

    // Perimeters, each a leap from the previous one.
    const objectiveCount = Math.max(3, Math.round(spec.objectives * share));
    const perimeterCount = Math.max(spec.minPerimeters ?? 1, Math.min(5, 1 + Math.floor(objectiveCount / 60)));
    const perimeters: Draft[] = [];
    for (let i = 0; i < perimeterCount; i += 1) {
      const date = i === 0 ? start : when((i / perimeterCount) * 0.8);
      const perimeter = draft('Perimeter', 'per', date, t, p, {
        projectId: project.id,
        name: `Périmètre ${i + 1}`,
        description: `Enjeux ouverts au ${day(date)}`,
      });
      perimeters.push(perimeter);
      if (i > 0) {
        draft('SystemicLeap', 'leap', date, t, p, {
          projectId: project.id,
          fromPerimeterId: perimeters[i - 1]!.id,
          toPerimeterId: perimeter.id,
          trigger: pick(rng, [
            'Appel à projets',
            'Élections municipales',
            'Crise énergétique',
            'Fermeture d’usine',
            'Nouvelle loi',
          ]),
        });
      }
    }
    const perimeterAt = (date: Date) => {
      const open = perimeters.filter((x) => x.date.getTime() <= date.getTime());
      return open.length > 0 && rng() < 0.6 ? pick(rng, open).id : null;
    };

    // Engaged actors: a share of the territory's actors, shared with its other projects.
    const engagedCount = Math.min(
      territory.actorIds.length,
      Math.max(
        Math.min(8, territory.actorIds.length),
        Math.round((1.8 * territory.actorIds.length * share) / territoryShare[t]!),
      ),
    );
    const engaged: { actorId: string; date: Date }[] = [];
    for (const actorId of sample(rng, territory.actorIds, engagedCount)) {
      const earliest = Math.max(actorDates.get(actorId)!.getTime(), start.getTime());
      const date = at(rng() < 0.3 ? earliest : earliest + rng() * 0.7 * (spec.to.getTime() - earliest));
      const engagement = draft('Engagement', 'eng', date, t, p, {
        actorId,
        projectId: project.id,
        level: pick(rng, LEVELS.slice(0, 4)),
        role: rng() < 0.3 ? pick(rng, ['Porteur', 'Financeur', 'Relais', 'Expert']) : null,
        perimeterId: perimeterAt(date),
      });
      engaged.push({ actorId, date });
      info.actorIds.push(actorId);
      info.engagementIds.push(engagement.id);
    }
    engaged.sort((a, b) => a.date.getTime() - b.date.getTime());
    const engagedBy = (date: Date) => {
      let n = 0;
      while (n < engaged.length && engaged[n]!.date.getTime() <= date.getTime()) n += 1;
      return engaged.slice(0, n);
    };

    const objectives: { id: string; date: Date }[] = [];
    for (let i = 0; i < objectiveCount; i += 1) {
      const date = when(rng() ** 1.5 * 0.8);
      const owners = engagedBy(date);
      const objective = draft('Objective', 'obj', date, t, p, {
        projectId: project.id,
        actorId: owners.length > 0 && rng() < 0.8 ? pick(rng, owners).actorId : null,
        title: `${pick(rng, OBJECTIVE_THEMES)} (${i + 1})`,
        description: rng() < 0.4 ? 'Objectif exprimé en atelier' : null,
        dimensions: sample(rng, DIMENSIONS, 1 + Math.floor(rng() * 2)),
        nature: rng() < 0.7 ? 'MATERIEL' : 'IMMATERIEL',
        confidential: rng() < 0.05,
        perimeterId: perimeterAt(date),
      });
      objectives.push({ id: objective.id, date });
      info.objectiveIds.push(objective.id);
    }

    // Relations between things that exist, each from a date after both ends.
    const relations = Math.round(spec.relations * share);
    const after = (...dates: Date[]) => {
      const from = Math.max(...dates.map((d) => d.getTime()));
      return at(from + rng() ** 2 * 0.3 * (spec.to.getTime() - from));
    };
    const pairs = new Set<string>();
    const fresh = (key: string) => {
      if (pairs.has(key)) return false;
      pairs.add(key);
      return true;
    };
    const tries = (n: number, make: () => boolean) => {
      for (let made = 0, attempt = 0; made < n && attempt < n * 20; attempt += 1) if (make()) made += 1;
    };
    tries(Math.round(relations * 0.55), () => {
      const a = pick(rng, engaged);
      const o = pick(rng, objectives);
      if (!fresh(`pos|${a.actorId}|${o.id}`)) return false;
      const value = pick(rng, [-4, -3, -2, -1, 0, 1, 1, 2, 2, 3, 3, 4]);
      const position = draft('Position', 'pos', after(a.date, o.date), t, p, {
        actorId: a.actorId,
        objectiveId: o.id,
        value,
        note: rng() < 0.2 ? 'Dit en réunion' : null,
      });
      info.positionIds.push(position.id);
      return true;
    });
    tries(Math.round(relations * 0.2), () => {
      const [a, b] = sample(rng, engaged, 2);
      if (!a || !b || !fresh(`inf|${a.actorId}|${b.actorId}`)) return false;
      draft('Influence', 'inf', after(a.date, b.date), t, p, {
        projectId: project.id,
        fromActorId: a.actorId,
        toActorId: b.actorId,
        value: 1 + Math.floor(rng() * 4),
      });
      return true;
    });
    tries(Math.round(relations * 0.1), () => {
      const [a, b] = sample(rng, engaged, 2);
      if (!a || !b || !fresh(`coo|${a.actorId}|${b.actorId}`)) return false;
      draft('Cooperation', 'coo', after(a.date, b.date), t, p, {
        projectId: project.id,
        actorAId: a.actorId,
        actorBId: b.actorId,
        commitments: 'Mise à disposition de locaux contre animation',
        counterparts: rng() < 0.5 ? 'Visibilité' : null,
      });
      return true;
    });
    tries(Math.round(relations * 0.08), () => {
      const [a, b] = sample(rng, objectives, 2);
      if (!a || !b || !fresh(`cvg|${a.id}|${b.id}`)) return false;
      draft('Convergence', 'cvg', after(a.date, b.date), t, p, {
        objectiveAId: a.id,
        objectiveBId: b.id,
        note: rng() < 0.3 ? 'Synergie repérée' : null,
      });
      return true;
    });
    tries(Math.round(relations * 0.07), () => {
      const [a, b] = sample(rng, objectives, 2);
      if (!a || !b || !fresh(`cfl|${a.id}|${b.id}`)) return false;
      draft('Conflict', 'cfl', after(a.date, b.date), t, p, {
        objectiveAId: a.id,
        objectiveBId: b.id,
        intensity: 1 + Math.floor(rng() * 4),
        status: 'IDENTIFIE',
        confidential: rng() < 0.1,
        note: rng() < 0.5 ? 'Tension sur le foncier' : null,
      });
      return true;
    });
    for (let i = 0; i < 1 + Math.floor(objectiveCount / 40); i += 1) {
      const o = pick(rng, objectives);
      const affected = sample(rng, engagedBy(o.date), 1 + Math.floor(rng() * 3));
      if (affected.length === 0) continue;
      draft('Externality', 'ext', after(o.date, ...affected.map((a) => a.date)), t, p, {
        projectId: project.id,
        objectiveId: o.id,
        description: `Effet de bord ${i + 1} sur les riverains`,
        sign: rng() < 0.5 ? 'POSITIVE' : 'NEGATIVE',
        affectedActorIds: affected.map((a) => a.actorId),
        status: 'IDENTIFIEE',
      });
    }
    for (let i = 0; i < Math.min(4, 1 + Math.floor(engaged.length / 40)); i += 1) {
      const date = when(0.1 + rng() * 0.4);
      const members = sample(rng, engagedBy(date), 3 + Math.floor(rng() * 6));
      if (members.length < 2) continue;
      draft('Ecosystem', 'eco', date, t, p, {
        projectId: project.id,
        name: `Écosystème ${i + 1}`,
        memberIds: members.map((m) => m.actorId),
        perimeterId: perimeterAt(date),
      });
    }
  }

  // Creations in time order (a creation comes after what it refers to: same date, lower seq).
  drafts.sort((a, b) => a.date.getTime() - b.date.getTime() || a.seq - b.seq);
  const updates = spec.updates ?? Math.max(0, spec.changes - drafts.length);
  return walkHistory(spec, seed, prefix, author, drafts, updates, territories, projects);
}

/** Interleaves the creations with dated updates and ends, as pilots would have recorded them. */
function walkHistory(
  spec: SizeSpec,
  seed: number,
  prefix: string,
  author: string,
  drafts: Draft[],
  updateCount: number,
  territories: TerritoryInfo[],
  projects: ProjectInfo[],
): Dataset {
  // A stream of its own: the creations do not depend on how long the history is.
  const rng = mulberry32(seed * 7919 + 17);
  const ops: BulkOp[] = [];
  let changeNo = 0;
  const recorded = (validFrom: Date) => new Date(validFrom.getTime() + (2 * 3600_000 + Math.floor(rng() * 10 * DAY)));
  const base = (validFrom: Date) => ({
    validFrom,
    recordedAt: recorded(validFrom),
    author,
    changeId: `chg-${prefix}-${(changeNo += 1)}`,
  });
  const byType: Partial<Record<EntityType, number>> = {};

  // Live entities per project and kind, for choosing what a change touches.
  const UPDATABLE: EntityType[] = [
    'Position',
    'Engagement',
    'Influence',
    'Conflict',
    'Objective',
    'Cooperation',
    'Externality',
    'Ecosystem',
    'Perimeter',
    'Milestone',
    'Convergence',
  ];
  const pools = projects.map(() => new Map<EntityType, Live[]>(UPDATABLE.map((type) => [type, []])));
  const actorPools = territories.map(() => [] as Live[]);
  const perimetersOf = projects.map(() => [] as string[]);
  const live = new Map<string, Live>();
  const add = (entity: Live, pool: Live[]) => {
    entity.pool = pool;
    entity.poolIndex = pool.length;
    pool.push(entity);
  };
  const remove = (entity: Live) => {
    const pool = entity.pool!;
    const last = pool.pop()!;
    if (last !== entity) {
      pool[entity.poolIndex] = last;
      last.poolIndex = entity.poolIndex;
    }
    entity.pool = null;
    live.delete(entity.id);
  };

  // Dates of the updates: spread over the whole period, each in a project already started.
  const slots = Array.from(
    { length: updateCount },
    () => spec.from.getTime() + rng() * (spec.to.getTime() - spec.from.getTime() - DAY),
  ).sort((a, b) => a - b);
  let next = 0;
  let ends = 0;
  const activate = (until: number) => {
    while (next < drafts.length && drafts[next]!.date.getTime() <= until) {
      const d = drafts[next++]!;
      ops.push({ op: 'CREATE', type: d.type, id: d.id, input: d.input, ...base(d.date) });
      byType[d.type] = (byType[d.type] ?? 0) + 1;
      const entity: Live = {
        id: d.id,
        type: d.type,
        projectIndex: d.projectIndex,
        territoryIndex: d.territoryIndex,
        values: { ...d.input },
        created: d.date,
        pool: null,
        poolIndex: -1,
      };
      live.set(d.id, entity);
      if (d.type === 'Actor') add(entity, actorPools[d.territoryIndex]!);
      else if (d.projectIndex !== null && UPDATABLE.includes(d.type)) add(entity, pools[d.projectIndex]!.get(d.type)!);
      if (d.type === 'Perimeter') perimetersOf[d.projectIndex!]!.push(d.id);
    }
  };

  const KINDS: [EntityType | 'Actor' | 'END', number][] = [
    ['Position', 34],
    ['Engagement', 18],
    ['Influence', 9],
    ['Conflict', 6],
    ['Objective', 9],
    ['Actor', 5],
    ['Cooperation', 4],
    ['Externality', 2],
    ['Ecosystem', 2],
    ['Perimeter', 2],
    ['Milestone', 1],
    ['Convergence', 2],
    ['END', spec.ends === false ? 0 : 4],
  ];
  const kindTotal = KINDS.reduce((sum, [, w]) => sum + w, 0);
  const chooseKind = () => {
    let r = rng() * kindTotal;
    for (const [kind, w] of KINDS) if ((r -= w) < 0) return kind;
    return 'Position';
  };
  const projectCum: number[] = [];
  projects.reduce((sum, p, i) => (projectCum[i] = sum + p.share), 0);
  const chooseProject = (time: number): number | null => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const r = rng() * projectCum[projectCum.length - 1]!;
      const p = projectCum.findIndex((c) => r < c);
      if (projects[p]!.start.getTime() <= time) return p;
    }
    return null;
  };

  const note = (date: Date) => `Compte rendu du ${day(date)} (${Math.floor(rng() * 1e6)})`;
  const patchFor = (entity: Live, date: Date): Record<string, unknown> | null => {
    const v = entity.values;
    switch (entity.type) {
      case 'Position': {
        const current = Number(v.value);
        const moves = [-2, -1, 1, 2].map((d) => current + d).filter((x) => x >= -4 && x <= 4);
        return { value: pick(rng, moves) };
      }
      case 'Engagement': {
        const rank = LEVELS.indexOf(v.level as (typeof LEVELS)[number]);
        if (rng() < 0.15) {
          const perimeters = perimetersOf[entity.projectIndex!]!.filter(
            (id) => live.get(id)!.created.getTime() <= date.getTime(),
          );
          const perimeterId = perimeters.length > 0 ? pick(rng, perimeters) : null;
          if (perimeterId !== (v.perimeterId ?? null)) return { perimeterId };
        }
        const up = rank === 0 || (rank < LEVELS.length - 1 && rng() < 0.6);
        return { level: LEVELS[rank + (up ? 1 : -1)] };
      }
      case 'Influence': {
        const moves = [1, 2, 3, 4].filter((x) => x !== Number(v.value));
        return { value: pick(rng, moves) };
      }
      case 'Conflict': {
        switch (v.status) {
          case 'IDENTIFIE':
            return { status: 'MIS_AU_TRAVAIL', note: note(date) };
          case 'MIS_AU_TRAVAIL':
            return rng() < 0.5
              ? { status: 'ARBITRE', arbitration: `Arbitrage du ${day(date)}` }
              : rng() < 0.5
                ? { status: 'PERSISTANT' }
                : { intensity: 1 + ((Number(v.intensity) % 4) as number) };
          case 'PERSISTANT':
            return { status: 'MIS_AU_TRAVAIL' };
          case 'ARBITRE':
            return { status: 'DEPASSE' };
          default:
            return { note: note(date) };
        }
      }
      case 'Objective': {
        if (rng() < 0.2) {
          const perimeters = perimetersOf[entity.projectIndex!]!.filter(
            (id) => live.get(id)!.created.getTime() <= date.getTime(),
          );
          const perimeterId = perimeters.length > 0 && rng() < 0.8 ? pick(rng, perimeters) : null;
          if (perimeterId !== (v.perimeterId ?? null)) return { perimeterId };
        }
        return { description: note(date) };
      }
      case 'Actor':
        return rng() < 0.8 ? { description: note(date) } : { name: `${String(v.name).replace(/ \(.*\)$/, '')} (${day(date)})` };
      case 'Cooperation':
        return { commitments: `Engagements revus le ${day(date)} (${Math.floor(rng() * 1e6)})` };
      case 'Externality':
        return v.status === 'IDENTIFIEE'
          ? { status: 'INTERNALISEE', internalisation: `Compensée le ${day(date)}` }
          : { description: note(date) };
      case 'Ecosystem': {
        const members = (v.memberIds as string[]).slice();
        const project = projects[entity.projectIndex!]!;
        const candidates = project.actorIds.filter((id) => !members.includes(id) && live.has(id));
        if (candidates.length > 0 && (members.length <= 3 || rng() < 0.6)) members.push(pick(rng, candidates));
        else if (members.length > 2) members.splice(Math.floor(rng() * members.length), 1);
        else return { description: note(date) };
        return { memberIds: members };
      }
      case 'Perimeter':
      case 'Milestone':
      case 'Convergence':
        return entity.type === 'Convergence' ? { note: note(date) } : { description: note(date) };
      default:
        return null;
    }
  };

  for (const time of slots) {
    activate(time);
    const date = new Date(Math.floor(time / 60_000) * 60_000);
    let done = false;
    for (let attempt = 0; attempt < 10 && !done; attempt += 1) {
      const kind = chooseKind();
      if (kind === 'Actor') {
        const t = Math.floor(rng() * territories.length);
        const pool = actorPools[t]!;
        if (pool.length === 0) continue;
        const actor = pick(rng, pool);
        const patch = patchFor(actor, date)!;
        ops.push({ op: 'UPDATE', id: actor.id, patch, ...base(date) });
        Object.assign(actor.values, patch);
        done = true;
        continue;
      }
      const p = chooseProject(time);
      if (p === null) continue;
      if (kind === 'END') {
        // Relations and engagements end (an actor leaves, a position is withdrawn); nothing refers to them.
        const type = pick(rng, ['Position', 'Position', 'Influence', 'Cooperation', 'Engagement'] as const);
        const pool = pools[p]!.get(type)!;
        if (pool.length < 4) continue;
        const entity = pick(rng, pool);
        ops.push({ op: 'END', id: entity.id, ...base(date) });
        remove(entity);
        ends += 1;
        done = true;
        continue;
      }
      const pool = pools[p]!.get(kind)!;
      if (pool.length === 0) continue;
      const entity = pick(rng, pool);
      const patch = patchFor(entity, date);
      if (!patch) continue;
      ops.push({ op: 'UPDATE', id: entity.id, patch, ...base(date) });
      Object.assign(entity.values, patch);
      done = true;
    }
  }
  activate(Number.POSITIVE_INFINITY);

  const largestProject = projects[0]!;
  const largestTerritory = territories.find((t) => t.projectIds.includes(largestProject.id))!;
  return {
    spec,
    prefix,
    ops,
    territories,
    projects,
    largestProject,
    largestTerritory,
    counts: { creates: drafts.length, updates: ops.length - drafts.length - ends, ends, byType },
  };
}

/**
 * A project shaped like S, loaded twice with the same entities (no ends, so the same ones are
 * alive at every date): `factor`× more dated updates in the second.
 */
export function generateHistoryTwins(seed: number, prefix: string, baseUpdates: number, factor = 10): [Dataset, Dataset] {
  const spec: SizeSpec = { ...SIZES.S, name: 'twin', ends: false };
  return [
    generateDataset({ ...spec, updates: baseUpdates }, seed, `${prefix}1x`),
    generateDataset({ ...spec, updates: baseUpdates * factor }, seed, `${prefix}${factor}x`),
  ];
}

/** One project of about `elements` map elements (nodes + edges), for the front-end bench. */
export function frontEndSpec(elements: number): SizeSpec {
  // About 0.28 nodes per element: actors + objectives; the rest are edges (relations, owners).
  const relations = Math.round(elements * 0.62);
  const objectives = Math.round(elements * 0.14);
  const actors = Math.round(elements * 0.11);
  return {
    name: `fe${elements}`,
    territories: 1,
    projects: 1,
    actors,
    objectives,
    relations,
    changes: 0,
    updates: Math.round(elements * 0.3),
    ...EIGHT_YEARS,
  };
}
