import { ENTITIES, projectLists, territoryLists, vocabularyName, type FieldSpec, type Model } from '@trame/graph/model';
import { referenceFieldName } from './naming.ts';

/**
 * The entity part of the API's schema, written from the model (graph/src/model/entities.ts):
 * the `EntityType` enum, one object type, create input and patch per entity type, their
 * create/update/end mutations, and the project's and territory's list fields. The server builds
 * its schema from this text; `npm run codegen` also writes it to api/schema/entities.graphql
 * (not committed) so that the resolver and client types are generated from it.
 *
 * Shapes: an object carries the bookkeeping fields, then every model field in model order, a
 * reference `xId` followed by `x` and a list `xIds` by `xs`; non-null when the field is
 * required (lists always, read as [] when empty). The create input holds every field, non-null
 * when required; the patch every field that is not `fixed`, all nullable.
 */
export function entityTypeDefs(model: Model = ENTITIES): string {
  const specs = Object.values(model);
  const out: string[] = [
    '# Generated from graph/src/model/entities.ts by `npm run codegen` (api/src/graphql/entity-schema.ts).\n' +
      '# Not committed; edit the model, not this file.',
    `enum EntityType {\n${specs.map((spec) => `  ${spec.type}\n`).join('')}}`,
  ];
  for (const spec of specs) {
    const fields = Object.entries(spec.fields);
    const object = [...BOOKKEEPING];
    for (const [name, field] of fields) {
      object.push(`${name}: ${inputType(field, Boolean(field.required) || isList(field))}`);
      if (field.kind === 'ref') object.push(`${referenceFieldName(name)}: ${field.target}${field.required ? '!' : ''}`);
      if (field.kind === 'refList') object.push(`${referenceFieldName(name)}: [${field.target}!]!`);
    }
    out.push(
      `${description(spec.doc)}\ntype ${spec.type} implements Entity ${block(object)}`,
      `input Create${spec.type}Input ${block(fields.map(([name, field]) => `${name}: ${inputType(field, Boolean(field.required))}`))}`,
      `input ${spec.type}Patch ${block(fields.filter(([, field]) => !field.fixed).map(([name, field]) => `${name}: ${inputType(field, false)}`))}`,
    );
  }
  out.push(
    `extend type Territory ${block(territoryLists(model).map(([list, type]) => `${list}: [${type}!]!`))}`,
    `extend type Project ${block(projectLists(model).map(([list, type]) => `${list}: [${type}!]!`))}`,
    [
      '# Create, update and end every entity. `validFrom` is when the change became true on the',
      '# territory (default: now); `version` is the one the entity was read at (stale: VERSION_CONFLICT).',
      "# `correctX`: a change dated before the latest entry corrects that entry's date (re-dated, then",
      '# the patch applied at the earlier date, in one transaction); on or after it, a plain update.',
      `extend type Mutation ${block(
        specs.flatMap(({ type }) => [
          `create${type}(input: Create${type}Input!, validFrom: DateTime, id: ID): ${type}!`,
          `update${type}(id: ID!, version: Int!, patch: ${type}Patch!, validFrom: DateTime): ${type}!`,
          `end${type}(id: ID!, version: Int!, validFrom: DateTime): ${type}!`,
          `correct${type}(id: ID!, version: Int!, patch: ${type}Patch!, validFrom: DateTime!): ${type}!`,
        ]),
      )}`,
    ].join('\n'),
  );
  return `${out.join('\n\n')}\n`;
}

const BOOKKEEPING = [
  'id: ID!',
  'version: Int!',
  'validFrom: DateTime!',
  'validTo: DateTime',
  'versionFrom: DateTime!',
  'recordedAt: DateTime!',
];

const isList = (field: FieldSpec) => field.kind === 'enumList' || field.kind === 'refList';

function scalarOf(field: FieldSpec): string {
  switch (field.kind) {
    case 'text':
      return 'String';
    case 'int':
      return 'Int';
    case 'bool':
      return 'Boolean';
    case 'date':
      return 'Date';
    case 'ref':
    case 'refList':
      return 'ID';
    case 'enum':
    case 'enumList': {
      const name = vocabularyName(field.values);
      if (!name)
        throw new Error(`the values of ${field.label} are not a vocabulary listed in VOCABULARIES (graph/src/model/enums.ts)`);
      return name;
    }
  }
}

function inputType(field: FieldSpec, nonNull: boolean): string {
  const type = isList(field) ? `[${scalarOf(field)}!]` : scalarOf(field);
  return nonNull ? `${type}!` : type;
}

const block = (lines: string[]) => `{\n${lines.map((line) => `  ${line}\n`).join('')}}`;
const description = (text: string) => `"""${text}"""`;
