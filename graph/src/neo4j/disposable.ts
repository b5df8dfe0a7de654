// Kept for importers of `@trame/graph/disposable`: the embedded Neo4j lives in neo4j-embedded/.
export * from '@trame/neo4j-embedded/disposable';
