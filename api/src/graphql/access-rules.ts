import {
  DomainError,
  ENTITIES,
  GLOBAL,
  isDomainError,
  parseEntityId,
  readChangeResource,
  readChangeTarget,
  readEntityResource,
  readProjectResource,
  readTerritoryResource,
  readWallLinkResource,
  type Action,
  type EntitySpec,
  type Model,
  type Resource,
} from '@trame/graph';
import { cachedResource, type AccessRule, type AccessRules } from './access-policy.ts';
import type { GraphQLContext } from './context.ts';

/**
 * Every root field of the API with the rule that guards it: the one table of who may call what
 * (ADR 0004 « The policy »). access-policy.ts wraps each root field with its rule; building
 * the schema fails when a field has no rule here. tests/permissions.int.test.ts runs every
 * field for six principals against these rules.
 */

type Args = Record<string, unknown>;
type ResourceOf = (args: Args, ctx: GraphQLContext) => Promise<Resource>;

/** The project named by argument `name` (or `input.name`). */
const project =
  (name: string): ResourceOf =>
  (args, ctx) => {
    const id = parseEntityId(args[name], "l'identifiant du projet");
    return cachedResource(ctx, `project:${id}`, () => ctx.graph.read((tx) => readProjectResource(tx, id)));
  };

/** The territory named by argument `name`. */
const territory =
  (name: string): ResourceOf =>
  (args, ctx) => {
    const id = parseEntityId(args[name], "l'identifiant du territoire");
    return cachedResource(ctx, `territory:${id}`, () => ctx.graph.read((tx) => readTerritoryResource(tx, id)));
  };

/** The project or territory the entity `id` belongs to. */
const entity =
  (name: string, what: string): ResourceOf =>
  (args, ctx) => {
    const id = parseEntityId(args[name]);
    return cachedResource(ctx, `entity:${id}`, () => ctx.graph.read((tx) => readEntityResource(tx, id, what)));
  };

const change: ResourceOf = (args, ctx) => {
  const id = parseEntityId(args.id ?? args.changeId, "l'identifiant du changement");
  return cachedResource(ctx, `change:${id}`, () => ctx.graph.read((tx) => readChangeResource(tx, id)));
};

const wallLink: ResourceOf = (args, ctx) => {
  const id = String(args.id);
  return cachedResource(ctx, `wallLink:${id}`, () => ctx.graph.read((tx) => readWallLinkResource(tx, id)));
};

/**
 * What reverting a change is about: the change's project or territory; a change of the territory
 * itself is marked (`territoryItself`), so that undoing a rename is the administrators', as the
 * rename (territory:manage).
 */
type RevertTarget = Resource & { territoryItself?: true };
const revertTarget: ResourceOf = (args, ctx) => {
  const id = parseEntityId(args.changeId, "l'identifiant du changement");
  return cachedResource(ctx, `revert:${id}`, async () => {
    const { resource, territoryItself } = await ctx.graph.read((tx) => readChangeTarget(tx, id));
    return territoryItself ? ({ ...resource, territoryItself: true } as RevertTarget) : resource;
  });
};
const revertOf = (resource: RevertTarget): Action => (resource.territoryItself ? 'territory:manage' : writeOf(resource));

const global: ResourceOf = async () => GLOBAL;

/** The project named by `projectId`, else the territory named by `territoryId` (exports). */
const projectOrTerritory: ResourceOf = (args, ctx) =>
  args.projectId != null ? project('projectId')(args, ctx) : territory('territoryId')(args, ctx);

/** Reading an entity's things: a project's, or a territory's (an actor's change). */
const readOf = (resource: Resource): Action => (resource.kind === 'project' ? 'project:read' : 'territory:read');
/** Changing an entity: a project's content, or a territory's actors. */
const writeOf = (resource: Resource): Action => (resource.kind === 'project' ? 'project:write' : 'territory:write');
/**
 * Changing the territory itself (its name, code, end): administrators only. An id of another
 * entity gets that entity's rule; the command then refuses the wrong type.
 */
const manageOf = (resource: Resource): Action => (resource.kind === 'project' ? 'project:write' : 'territory:manage');

const rule = (action: Action | ((resource: Resource) => Action), resource: ResourceOf): AccessRule => ({ action, resource });

/**
 * What creating an entity of this type is about: a territory (createTerritory), the territory
 * a project or an actor is created in, or the project a project-scoped entity joins — through
 * its scope field (`projectId`, or `objectiveId` for a position). A reference to nothing is the
 * store's DANGLING_REFERENCE, as it would be without access control.
 */
function createRule(spec: EntitySpec): AccessRule {
  const scope = spec.scope;
  if (scope.kind === 'root') return rule('territory:create', global);
  const label = spec.fields[scope.via]?.label ?? scope.via;
  const resource: ResourceOf = async (args, ctx) => {
    const input = (args.input ?? {}) as Args;
    const id = parseEntityId(input[scope.via]);
    try {
      return await cachedResource(ctx, `entity:${id}`, () => ctx.graph.read((tx) => readEntityResource(tx, id)));
    } catch (error) {
      if (isDomainError(error) && error.code === 'NOT_FOUND')
        throw new DomainError('DANGLING_REFERENCE', `${label} « ${id} » n'existe pas`, { field: scope.via, id });
      throw error;
    }
  };
  const action = (found: Resource): Action =>
    found.kind === 'project' ? 'project:write' : spec.type === 'Project' ? 'project:create' : 'territory:write';
  return rule(action, resource);
}

/** createX, updateX, endX, correctX for every entity type of the model. */
function entityRules(model: Model): Record<string, AccessRule> {
  const rules: Record<string, AccessRule> = {};
  for (const spec of Object.values(model)) {
    // The territory itself (its name, code, end) is shared by all its projects: administrators only.
    const change = spec.scope.kind === 'root' ? manageOf : writeOf;
    rules[`Mutation.create${spec.type}`] = createRule(spec);
    rules[`Mutation.update${spec.type}`] = rule(change, entity('id', spec.label));
    rules[`Mutation.end${spec.type}`] = rule(change, entity('id', spec.label));
    rules[`Mutation.correct${spec.type}`] = rule(change, entity('id', spec.label));
  }
  return rules;
}

/** The rules for a schema built from `model` (the real one by default; tests pass fixtures). */
export function accessRules(model: Model = ENTITIES): AccessRules {
  return {
    // Who am I: anyone may ask.
    'Query.viewer': 'public',
    'Query.me': 'user',
    // Lists: signed-in users; the resolver keeps the territories the user may read.
    'Query.territories': 'user',
    'Query.territory': rule('territory:read', territory('id')),
    'Query.project': rule('project:read', project('id')),
    'Query.projectMap': rule('project:read', project('projectId')),
    'Query.projectDiff': rule('project:read', project('projectId')),
    'Query.projectTimeline': rule('project:read', project('projectId')),
    'Query.projectTimelineAuthors': rule('project:read', project('projectId')),
    'Query.projectLayout': rule('project:read', project('projectId')),
    'Query.projectAnalysis': rule('project:read', project('projectId')),
    'Query.territoryReview': rule('territory:review', territory('territoryId')),
    'Query.change': rule(readOf, change),
    'Mutation.saveProjectLayout': rule('project:write', project('projectId')),
    // Undoing a change of the territory itself (its name, code, end) is the administrators', as the change.
    'Mutation.revertChange': rule(revertOf, revertTarget),
    'Mutation.importActors': rule('project:write', project('projectId')),
    // A merge changes the territory's actors; the command refuses an actor of another territory.
    'Mutation.mergeActors': rule(writeOf, entity('keepId', "l'acteur conservé")),
    'Mutation.importWorkbook': rule('project:write', project('projectId')),
    'Query.exportProject': rule('export', projectOrTerritory),
    ...entityRules(model),

    // The account of the signed-in user.
    'Query.apiTokens': 'self',
    'Mutation.changePassword': 'self',
    'Mutation.createApiToken': 'self',
    'Mutation.revokeApiToken': 'self',
    // Wall links: the project's pilots (and administrators).
    'Query.wallLinks': rule('project:share', project('projectId')),
    'Mutation.createWallLink': rule('project:share', project('projectId')),
    'Mutation.revokeWallLink': rule('project:share', wallLink),
    // Live (api/schema/live.graphql): a wall link follows its own project only, as it reads it.
    'Subscription.projectLive': rule('project:read', project('projectId')),
    'Subscription.projection': rule('project:read', project('projectId')),
    // Projection sessions: whoever edits the project drives its walls.
    'Mutation.setProjection': rule('project:write', project('projectId')),
    'Mutation.endProjection': rule('project:write', project('projectId')),
    // Administration.
    'Query.users': rule('admin:users', global),
    'Query.allowedDomains': rule('admin:users', global),
    'Mutation.createUser': rule('admin:users', global),
    'Mutation.grantRole': rule('admin:users', global),
    'Mutation.revokeGrant': rule('admin:users', global),
    'Mutation.allowDomain': rule('admin:users', global),
    'Mutation.disallowDomain': rule('admin:users', global),
  };
}
