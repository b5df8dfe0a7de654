import type { ManagedTransaction } from 'neo4j-driver';
import { DomainError } from '../errors.ts';
import type { Query } from '../store/queries.ts';
import { toNeoDateTime } from '../time.ts';

/**
 * Where a pilot arranged the nodes of a project's map, so the map does not jump between
 * sessions. A presentation preference, not a fact about the territory: it is not versioned,
 * only stamped with who saved it and when.
 */
export type NodePositions = Record<string, { x: number; y: number }>;

const MAX_NODES = 20_000;

export function parsePositions(raw: unknown): NodePositions {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DomainError('INVALID_FIELD', 'les positions doivent être un objet { identifiant: { x, y } }');
  }
  const entries = Object.entries(raw as Record<string, unknown>);
  if (entries.length > MAX_NODES) throw new DomainError('OUT_OF_RANGE', `au plus ${MAX_NODES} positions par carte`);
  const positions: NodePositions = {};
  for (const [id, value] of entries) {
    const point = value as { x?: unknown; y?: unknown } | null;
    if (typeof point?.x !== 'number' || typeof point.y !== 'number' || !Number.isFinite(point.x) || !Number.isFinite(point.y)) {
      throw new DomainError('INVALID_FIELD', `la position de « ${id} » doit avoir des coordonnées x et y numériques`);
    }
    positions[id] = { x: Math.round(point.x * 10) / 10, y: Math.round(point.y * 10) / 10 };
  }
  return positions;
}

export function saveLayoutQuery(projectId: string, positions: NodePositions, author: string, at: Date): Query {
  return {
    cypher: `
      MATCH (p:Entity {id: $projectId, type: 'Project'})
      MERGE (p)-[:HAS_LAYOUT]->(l:Layout {projectId: $projectId})
      SET l.positions = $positions, l.savedBy = $author, l.savedAt = $at
      RETURN l.projectId AS projectId`,
    params: { projectId, positions: JSON.stringify(positions), author, at: toNeoDateTime(at) },
  };
}

export async function saveLayout(
  tx: ManagedTransaction,
  projectId: string,
  positions: NodePositions,
  author: string,
): Promise<void> {
  const { cypher, params } = saveLayoutQuery(projectId, positions, author, new Date());
  const result = await tx.run(cypher, params);
  if (result.records.length === 0) {
    throw new DomainError('NOT_FOUND', `le projet « ${projectId} » n'existe pas`, { id: projectId, entityType: 'Project' });
  }
}

export async function readLayout(tx: ManagedTransaction, projectId: string): Promise<NodePositions> {
  const result = await tx.run('MATCH (l:Layout {projectId: $projectId}) RETURN l.positions AS positions', { projectId });
  const text = result.records[0]?.get('positions') as string | undefined;
  return text ? (JSON.parse(text) as NodePositions) : {};
}
