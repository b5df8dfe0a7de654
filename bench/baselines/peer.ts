/**
 * The peer: the API a team would generate with @neo4j/graphql over the same graph instead of
 * writing Trame's. Type definitions map the identity and version nodes as they are stored, with
 * `@relationship` on HAS_VERSION, LATEST and REFERS_TO; the current map is one request (the
 * project's open versions, and the actors its engagements point at), turned into the same
 * ProjectMap by Trame's own presenter so the content compared is identical.
 */
import { createYoga } from 'graphql-yoga';
import Fastify, { type FastifyInstance } from 'fastify';
import { execute, parse, type GraphQLSchema } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { Neo4jGraphQL } from '@neo4j/graphql';
import {
  END_OF_TIME,
  ENTITIES,
  buildProjectMap,
  latestPerEntity,
  type EntityRecord,
  type EntityType,
  type FieldValues,
  type ProjectMap,
  type ProjectState,
} from '@trame/graph';

/** Every field of every entity type, as stored on Version nodes (ints are stored as floats). */
const FIELD_TYPES = (() => {
  const types = new Map<string, string>();
  for (const spec of Object.values(ENTITIES)) {
    for (const [name, field] of Object.entries(spec.fields)) {
      const gql =
        field.kind === 'int'
          ? 'Float'
          : field.kind === 'bool'
            ? 'Boolean'
            : field.kind === 'enumList' || field.kind === 'refList'
              ? '[String!]'
              : 'String';
      types.set(name, gql);
    }
  }
  return types;
})();
const FIELD_NAMES = [...FIELD_TYPES.keys()].filter((name) => name !== 'projectId' && name !== 'territoryId');

export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Entity @node(labels: ["Entity"]) {
    id: ID!
    type: String!
    projectId: String
    territoryId: String!
    version: Int!
    validFrom: DateTime!
    validTo: DateTime!
    "Without APOC (not in the embedded Neo4j), DateTime fields cannot be projected: a plain string instead."
    validFromText: String! @cypher(statement: "RETURN toString(this.validFrom) AS v", columnName: "v")
    versions: [Version!]! @relationship(type: "HAS_VERSION", direction: OUT)
    latest: [Version!]! @relationship(type: "LATEST", direction: OUT)
    referencedBy: [Version!]! @relationship(type: "REFERS_TO", direction: IN, properties: "RefersTo")
  }

  type Version @node(labels: ["Version"]) {
    entityId: ID!
    type: String!
    projectId: String
    territoryId: String!
    validFrom: DateTime!
    validTo: DateTime!
    recordedAt: DateTime!
    changeId: String!
    ${FIELD_NAMES.map((name) => `${name}: ${FIELD_TYPES.get(name)}`).join('\n    ')}
    entity: [Entity!]! @relationship(type: "HAS_VERSION", direction: IN)
    refersTo: [Entity!]! @relationship(type: "REFERS_TO", direction: OUT, properties: "RefersTo")
  }

  type RefersTo @relationshipProperties {
    field: String!
  }
`;

// Version dates are not selected (the map does not use them, and they would need APOC).
const VERSION_FIELDS = `type entityId projectId territoryId ${FIELD_NAMES.join(' ')}`;
const ENTITY_FIELDS = 'id type version projectId territoryId validFromText';

/** The project's current content in one request, as a team would write it against the generated API. */
export const PEER_MAP_QUERY = /* GraphQL */ `
  query PeerMap($projectId: String!, $territoryId: ID!, $end: DateTime!) {
    items: versions(where: { projectId: { eq: $projectId }, validTo: { eq: $end } }) {
      ${VERSION_FIELDS}
      entity { ${ENTITY_FIELDS} }
    }
    engagements: versions(where: { projectId: { eq: $projectId }, validTo: { eq: $end }, type: { eq: "Engagement" } }) {
      refersTo(where: { type: { eq: "Actor" } }) {
        ${ENTITY_FIELDS}
        versions(where: { validTo: { eq: $end } }) { ${VERSION_FIELDS} }
      }
    }
    territory: entities(where: { id: { eq: $territoryId } }) {
      ${ENTITY_FIELDS}
      versions(where: { validTo: { eq: $end } }) { ${VERSION_FIELDS} }
    }
  }
`;

export async function createPeerSchema(driver: Driver): Promise<GraphQLSchema> {
  const neoSchema = new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver });
  return neoSchema.getSchema();
}

type Json = Record<string, unknown>;
interface PeerData {
  items: (Json & { entity: Json[] })[];
  engagements: { refersTo: (Json & { versions: Json[] })[] }[];
  territory: (Json & { versions: Json[] })[];
}

function toRecord(entity: Json, version: Json): EntityRecord {
  const type = entity.type as EntityType;
  const values: FieldValues = {};
  for (const name of Object.keys(ENTITIES[type].fields)) values[name] = (version[name] ?? null) as FieldValues[string];
  return {
    id: entity.id as string,
    type,
    version: Number(entity.version),
    projectId: (entity.projectId as string | null) ?? null,
    territoryId: entity.territoryId as string,
    validFrom: new Date(entity.validFromText as string),
    // Open entities and versions (the current map): the dates the peer does not send.
    validTo: END_OF_TIME,
    versionFrom: new Date(entity.validFromText as string),
    versionTo: END_OF_TIME,
    recordedAt: new Date(entity.validFromText as string),
    values,
  };
}

/** The peer's answer as a ProjectState, then Trame's presenter: the same map content. */
export function peerDataToMap(data: PeerData, projectId: string): ProjectMap {
  const items = data.items.map((v) => toRecord(v.entity[0]!, v));
  const actors = new Map<string, EntityRecord>();
  for (const engagement of data.engagements) {
    for (const actor of engagement.refersTo) {
      const version = actor.versions[0];
      if (version && !actors.has(actor.id as string)) actors.set(actor.id as string, toRecord(actor, version));
    }
  }
  const project = items.find((r) => r.id === projectId)!;
  const territoryEntity = data.territory[0]!;
  const territory = toRecord(territoryEntity, territoryEntity.versions[0]!);
  const entities = [...latestPerEntity(items).filter((r) => r !== project), ...actors.values()];
  const state: ProjectState = {
    at: new Date(),
    project,
    territory,
    entities,
    byId: new Map([project, territory, ...entities].map((e) => [e.id, e])),
  };
  return buildProjectMap(state);
}

const END_ISO = END_OF_TIME.toISOString();
const parsedQuery = parse(PEER_MAP_QUERY);

/** Server side: the generated schema executed in-process, then the presenter. */
export async function peerMapServer(
  schema: GraphQLSchema,
  projectId: string,
  territoryId: string,
  database: string,
): Promise<ProjectMap> {
  const result = await execute({
    schema,
    document: parsedQuery,
    variableValues: { projectId, territoryId, end: END_ISO },
    contextValue: { sessionConfig: { database } },
  });
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
  return peerDataToMap(result.data as unknown as PeerData, projectId);
}

/** The peer served like Trame: fastify, one yoga route. */
export async function buildPeerApp(schema: GraphQLSchema, database: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
  const yoga = createYoga<{ req: unknown; reply: unknown }>({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: false,
    landingPage: false,
    context: () => ({ sessionConfig: { database } }),
  });
  app.route({
    url: yoga.graphqlEndpoint,
    method: ['GET', 'POST', 'OPTIONS'],
    handler: (req, reply) => yoga.handleNodeRequestAndResponse(req, reply, { req, reply }),
  });
  return app;
}

/** Over HTTP (fastify inject): the request, then the client builds the map from the answer. */
export async function peerMapHttp(app: FastifyInstance, projectId: string, territoryId: string): Promise<ProjectMap> {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query: PEER_MAP_QUERY, variables: { projectId, territoryId, end: END_ISO } },
  });
  const body = JSON.parse(response.body) as { data?: PeerData; errors?: { message: string }[] };
  if (response.statusCode !== 200 || body.errors?.length) throw new Error(response.body.slice(0, 500));
  return peerDataToMap(body.data!, projectId);
}
