// Kept for importers of `@trame/graph/embedded`: the embedded Neo4j lives in neo4j-embedded/.
export * from '@trame/neo4j-embedded';
