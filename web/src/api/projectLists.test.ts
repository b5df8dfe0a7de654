/// <reference types="vite/client" />
import { buildSchema, getNamedType, isListType, isNonNullType, isObjectType, type GraphQLOutputType } from 'graphql';
import { ENTITY_TYPES } from '@trame/graph/model';
import { describe, expect, it } from 'vitest';
import { CREATABLE, DEFERRED_LISTS, HEADER_LISTS, PROJECT_LISTS } from './projectLists.ts';

// The SDL the API serves (written by hand or generated from the model before the tests run).
const files = import.meta.glob('../../../api/schema/*.graphql', { query: '?raw', import: 'default', eager: true });
const schema = buildSchema(Object.values(files).join('\n'));

const listOf = (type: GraphQLOutputType) => isListType(isNonNullType(type) ? type.ofType : type);

describe('the project lists derived from the model', () => {
  it('are exactly the entity lists the SDL puts on Project', () => {
    const project = schema.getType('Project');
    if (!isObjectType(project)) throw new Error('no Project type in the SDL');
    const entityTypes = new Set<string>(ENTITY_TYPES);
    const sdlLists = Object.values(project.getFields())
      .filter((field) => listOf(field.type) && entityTypes.has(getNamedType(field.type).name))
      .map((field) => [field.name, getNamedType(field.type).name]);
    expect([...PROJECT_LISTS].map(([list, type]) => [list, type]).sort()).toEqual(sdlLists.sort());
  });

  it('split into the header lists (with the map) and the deferred ones, without loss', () => {
    expect(HEADER_LISTS.map(([list]) => list)).toEqual(['perimeters', 'milestones']);
    expect([...HEADER_LISTS, ...DEFERRED_LISTS].map(([list]) => list).sort()).toEqual(PROJECT_LISTS.map(([list]) => list).sort());
  });

  it('offer every listed type for creation but the engagement, created from its actor', () => {
    expect(CREATABLE).toContain('Actor');
    expect(CREATABLE).not.toContain('Engagement');
    expect(CREATABLE).not.toContain('Project');
    expect(CREATABLE).toHaveLength(PROJECT_LISTS.length - 1);
  });
});
