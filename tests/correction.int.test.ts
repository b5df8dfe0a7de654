import { beforeAll, describe, expect, it } from 'vitest';
import { runIntegrityCheck } from '@trame/graph';
import { buildSmallProject, type SmallProject } from './support/factories.ts';
import { codeOf, gql } from './support/http.ts';
import { useTestApp } from './support/app.ts';

/**
 * correctX: a change dated before an entity's latest entry corrects that entry's date (the
 * « Corriger la saisie du … » the forms offer), in one transaction, both or nothing.
 */
let small: SmallProject;
const t = useTestApp();
beforeAll(async () => {
  small = await buildSmallProject(t.graph, 2, 1);
});

const OBJECTIVE = `id version title validFrom versionFrom`;

async function createObjective(title: string, validFrom: string) {
  const result = await gql<{ createObjective: { id: string; version: number } }>(
    t.app,
    `mutation($input: CreateObjectiveInput!, $v: DateTime) { createObjective(input: $input, validFrom: $v) { ${OBJECTIVE} } }`,
    { input: { projectId: small.project.id, title, dimensions: ['SOCIAL'], nature: 'MATERIEL' }, v: validFrom },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createObjective;
}

async function correct(id: string, version: number, patch: Record<string, unknown>, validFrom: string) {
  return gql<{ correctObjective: { id: string; version: number; title: string; validFrom: string; versionFrom: string } }>(
    t.app,
    `mutation($id: ID!, $version: Int!, $patch: ObjectivePatch!, $v: DateTime!) {
      correctObjective(id: $id, version: $version, patch: $patch, validFrom: $v) { ${OBJECTIVE} } }`,
    { id, version, patch, v: validFrom },
  );
}

async function objectivesAt(asOf: string): Promise<{ id: string; title: string }[]> {
  const result = await gql<{ project: { objectives: { id: string; title: string }[] } }>(
    t.app,
    `query($id: ID!, $asOf: DateTime) { project(id: $id, asOf: $asOf) { objectives { id title } } }`,
    { id: small.project.id, asOf },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.project.objectives;
}

async function changesOf(entityId: string) {
  const result = await gql<{
    projectTimeline: {
      changes: { id: string; op: string; fields: string[]; validFrom: string; revertOf: string | null; causeId: string | null }[];
    };
  }>(
    t.app,
    `query($p: ID!, $e: ID) { projectTimeline(projectId: $p, entityId: $e) { changes { id op fields validFrom revertOf causeId } } }`,
    { p: small.project.id, e: entityId },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.projectTimeline.changes;
}

describe('correcting the date of an entity’s latest entry', () => {
  it('refuses an update dated before the latest entry in words: the label and a French date, no id', async () => {
    const created = await createObjective('Clientèle fidèle', '2024-11-01');
    const refused = await gql(
      t.app,
      `mutation($id: ID!, $version: Int!) { updateObjective(id: $id, version: $version, patch: { title: "x" }, validFrom: "2024-09-01") { id } }`,
      { id: created.id, version: created.version },
    );
    expect(codeOf(refused)).toBe('DATE_BEFORE_LAST_CHANGE');
    const message = refused.errors![0]!.message;
    expect(message).toContain('« Clientèle fidèle »');
    expect(message).toContain('1 sept. 2024');
    expect(message).toContain('1 nov. 2024');
    expect(message).not.toContain(created.id);
    expect(message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('re-dates a creation and applies the patch at the earlier date, recorded as a correction', async () => {
    const created = await createObjective('Offre diversifiée', '2024-11-01');
    const corrected = await correct(created.id, created.version, { title: 'Offre diversifiée pour les adhérents' }, '2024-09-01');
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.correctObjective).toMatchObject({
      title: 'Offre diversifiée pour les adhérents',
      version: created.version + 2,
      validFrom: '2024-09-01T00:00:00.000Z',
    });
    // The map read at a date between the two shows the objective, as corrected.
    expect((await objectivesAt('2024-10-01')).find((o) => o.id === created.id)?.title).toBe(
      'Offre diversifiée pour les adhérents',
    );
    expect((await objectivesAt('2024-08-01')).some((o) => o.id === created.id)).toBe(false);
    // Both entries stay in the log: the creation, its correction (reverting it), the patch it caused.
    const [patch, correction, creation] = await changesOf(created.id);
    expect(creation).toMatchObject({ op: 'CREATE', validFrom: '2024-11-01T00:00:00.000Z' });
    expect(correction).toMatchObject({
      op: 'UPDATE',
      fields: ['validFrom'],
      revertOf: creation!.id,
      validFrom: '2024-09-01T00:00:00.000Z',
    });
    expect(patch).toMatchObject({ op: 'UPDATE', fields: ['title'], causeId: correction!.id });
    const report = await runIntegrityCheck(t.graph, { territoryId: small.territory.id });
    expect(report.identityMismatches).toEqual([]);
    expect(report.overlappingVersions).toEqual([]);
    expect(report.danglingReferences).toEqual([]);
  });

  it('re-dates an update: the version before it now ends at the corrected date', async () => {
    const created = await createObjective('Attractivité commerciale', '2024-01-01');
    const updated = await gql<{ updateObjective: { version: number } }>(
      t.app,
      `mutation($id: ID!, $version: Int!) { updateObjective(id: $id, version: $version, patch: { title: "Attractivité du centre" }, validFrom: "2024-11-01") { version } }`,
      { id: created.id, version: created.version },
    );
    expect(updated.errors).toBeUndefined();
    const corrected = await correct(created.id, updated.data!.updateObjective.version, {}, '2024-09-01');
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data!.correctObjective.versionFrom).toBe('2024-09-01T00:00:00.000Z');
    expect((await objectivesAt('2024-10-01')).find((o) => o.id === created.id)?.title).toBe('Attractivité du centre');
    expect((await objectivesAt('2024-08-01')).find((o) => o.id === created.id)?.title).toBe('Attractivité commerciale');
    const report = await runIntegrityCheck(t.graph, { territoryId: small.territory.id });
    expect(report.ok).toBe(true);

    // Only the latest entry moves: before the entry before it, refused in words, nothing changed.
    const tooEarly = await correct(created.id, corrected.data!.correctObjective.version, {}, '2023-06-01');
    expect(codeOf(tooEarly)).toBe('DATE_BEFORE_LAST_CHANGE');
    expect(tooEarly.errors![0]!.message).toContain('1 juin 2023');
    expect(tooEarly.errors![0]!.message).not.toContain(created.id);
  });

  it('changes nothing when the patch is refused (both or nothing)', async () => {
    const created = await createObjective('Local partagé', '2024-11-01');
    const refused = await correct(created.id, created.version, { title: '' }, '2024-09-01');
    expect(codeOf(refused)).toBe('REQUIRED_FIELD');
    const changes = await changesOf(created.id);
    expect(changes.map((c) => c.op)).toEqual(['CREATE']);
    expect((await objectivesAt('2024-10-01')).some((o) => o.id === created.id)).toBe(false);
  });

  it('refuses a date where what the entity refers to did not exist yet', async () => {
    const created = await createObjective('Avant le projet', '2024-11-01');
    // The project began on 2018-01-01.
    const refused = await correct(created.id, created.version, {}, '2017-06-01');
    expect(codeOf(refused)).toBe('DANGLING_REFERENCE');
    expect((await changesOf(created.id)).length).toBe(1);
  });

  it('is a plain update when dated on or after the latest entry', async () => {
    const created = await createObjective('Après coup', '2024-09-01');
    const later = await correct(created.id, created.version, { title: 'Après coup, modifié' }, '2024-10-01');
    expect(later.errors).toBeUndefined();
    expect(later.data!.correctObjective).toMatchObject({ version: created.version + 1, versionFrom: '2024-10-01T00:00:00.000Z' });
    expect((await changesOf(created.id)).map((c) => c.revertOf)).toEqual([null, null]);
  });
});
