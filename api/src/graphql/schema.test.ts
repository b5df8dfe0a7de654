import type { GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ENTITIES, ENTITY_TYPES } from '@trame/graph';
import { referenceFieldName } from './naming.ts';
import { buildSchema } from './schema.ts';

// The SDL is the source of truth for the API, the model registry for the store: this keeps
// them in step, field by field. (Duck-typed: yoga may build the schema with graphql's other
// module build, so `isObjectType` and friends would say no.)
const schema = buildSchema() as unknown as GraphQLSchema;
type Fields = Record<string, { type: { toString(): string } }>;
const fieldsOf = (type: unknown): Fields | null =>
  type && typeof (type as { getFields?: unknown }).getFields === 'function'
    ? (type as { getFields(): Fields }).getFields()
    : null;
const isNonNull = (field: { type: { toString(): string } }) => field.type.toString().endsWith('!');

describe.each(ENTITY_TYPES)('%s', (type) => {
  const spec = ENTITIES[type];
  const object = schema.getType(type);
  const create = schema.getType(`Create${type}Input`);
  const patch = schema.getType(`${type}Patch`);

  it('has an object type with every field and reference', () => {
    const fields = fieldsOf(object)!;
    expect(fields).not.toBeNull();
    for (const meta of ['id', 'version', 'validFrom', 'validTo', 'versionFrom', 'recordedAt'])
      expect(fields[meta], meta).toBeDefined();
    for (const [name, field] of Object.entries(spec.fields)) {
      expect(fields[name], name).toBeDefined();
      if (field.kind === 'ref' || field.kind === 'refList') expect(fields[referenceFieldName(name)], name).toBeDefined();
    }
  });

  it('has a create input whose required fields match the model', () => {
    const fields = fieldsOf(create)!;
    expect(fields).not.toBeNull();
    expect(Object.keys(fields).sort()).toEqual(Object.keys(spec.fields).sort());
    for (const [name, field] of Object.entries(spec.fields)) {
      expect(isNonNull(fields[name]!), name).toBe(Boolean(field.required));
    }
  });

  it('has a patch with every field that may change, all optional', () => {
    const fields = fieldsOf(patch)!;
    expect(fields).not.toBeNull();
    const editable = Object.entries(spec.fields)
      .filter(([, f]) => !f.fixed)
      .map(([n]) => n);
    expect(Object.keys(fields).sort()).toEqual(editable.sort());
    for (const field of Object.values(fields)) expect(isNonNull(field)).toBe(false);
  });

  it('has create, update and end mutations', () => {
    const mutations = schema.getMutationType()!.getFields();
    for (const verb of ['create', 'update', 'end']) expect(mutations[`${verb}${type}`]).toBeDefined();
  });
});
