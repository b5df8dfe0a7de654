import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  BreakingChangeType,
  DangerousChangeType,
  buildSchema as buildSdl,
  findBreakingChanges,
  findDangerousChanges,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { ENTITIES, ENTITY_TYPES } from '@trame/graph/model';
import { entityTypeDefs } from './entity-schema.ts';
import { SCHEMA_DIR, loadTypeDefs } from './schema.ts';

// The last commit whose api/schema/entities.graphql (and entity list fields in schema.graphql)
// were written by hand. The schema the server builds today must be that one, unchanged.
const HAND_WRITTEN = 'bf64ba8204f6a47c4906b66f20c223dbd839953a';

function atHandWritten(file: string): string | null {
  try {
    return execFileSync('git', ['show', `${HAND_WRITTEN}:api/schema/${file}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null; // no git history (an exported tarball, a shallow clone)
  }
}

const handEntities = atHandWritten('entities.graphql');
const handSchema = atHandWritten('schema.graphql');
const ADDITIONS: string[] = [
  BreakingChangeType.FIELD_REMOVED,
  BreakingChangeType.TYPE_REMOVED,
  BreakingChangeType.VALUE_REMOVED_FROM_ENUM,
  BreakingChangeType.ARG_REMOVED,
];
const current = (file: string) => readFileSync(`${SCHEMA_DIR}/${file}`, 'utf8');

describe('the entity schema written from the model', () => {
  it.skipIf(!handEntities || !handSchema)(
    'is the hand-written schema it replaced: no type, field, argument or nullability changed',
    () => {
      const before = buildSdl([handSchema!, handEntities!, current('analysis.graphql'), current('import.graphql')].join('\n'));
      const after = buildSdl(loadTypeDefs().join('\n'));
      const listed = (changes: { type: string; description: string }[]) => changes.map((c) => `${c.type}: ${c.description}`);

      // Nothing a client of the hand-written schema relied on is gone or changed…
      expect(listed(findBreakingChanges(before, after))).toEqual([]);
      // (an optional argument added since, such as projectTimeline's withActors, is an addition: allowed)
      expect(
        listed(findDangerousChanges(before, after).filter((c) => c.type !== DangerousChangeType.OPTIONAL_ARG_ADDED)),
      ).toEqual([]);
      // …nor tightened (the same comparison the other way round: a nullable field made non-null,
      // an optional input made required). What was added since shows there as "removed": allowed.
      expect(listed(findBreakingChanges(after, before).filter((c) => !ADDITIONS.includes(c.type)))).toEqual([]);
      expect(listed(findDangerousChanges(after, before))).toEqual([]);
    },
  );

  it('keeps every type description of the hand-written file', () => {
    const schema = buildSdl(loadTypeDefs().join('\n'));
    for (const type of ENTITY_TYPES) expect(schema.getType(type)?.description, type).toBe(ENTITIES[type].doc);
  });

  it('names every enum-valued field by its vocabulary, and refuses an unlisted one', () => {
    expect(entityTypeDefs()).toContain('kind: ActorKind!');
    expect(entityTypeDefs()).toContain('dimensions: [ValueDimension!]!');
    const model = {
      ...ENTITIES,
      Actor: {
        ...ENTITIES.Actor,
        fields: { ...ENTITIES.Actor.fields, mood: { kind: 'enum' as const, label: "l'humeur", values: ['GAI'] } },
      },
    };
    expect(() => entityTypeDefs(model)).toThrow(/VOCABULARIES/);
  });
});
