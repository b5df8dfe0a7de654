/**
 * The `trame` command line's account commands (cli/commands/user.ts, token.ts, domain.ts): the
 * real process (bin/trame.mjs) against the test run's Neo4j, checked through the domain's own
 * reads.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { allowedDomains, authenticateApiToken, findUserByEmail, listApiTokens, listGrants, verifyPassword } from '@trame/graph';
import { buildSmallProject, type SmallProject } from './support/factories.ts';
import { uniqueId } from './support/graph.ts';
import { useTestGraph } from './support/app.ts';

const fixture = useTestGraph();
const bin = fileURLToPath(new URL('../bin/trame.mjs', import.meta.url));
let map: SmallProject;

beforeAll(async () => {
  map = await buildSmallProject(fixture.graph, 1, 1);
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `trame …` with `stdin` piped in (not a terminal). */
function trame(args: string[], stdin = ''): Promise<Run> {
  const config = inject('neo4j');
  const env = {
    ...process.env,
    NEO4J_URI: config.uri,
    NEO4J_USER: config.user,
    NEO4J_PASSWORD: config.password,
    NEO4J_DATABASE: config.database,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'], timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 2, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** Each run starts node and tsx (seconds on a busy machine); a test makes up to seven. */
const SLOW = { timeout: 240_000 };

const newEmail = () => `${uniqueId('agent')}@ville-test.fr`;
const PASSWORD = 'une phrase de passe solide';

describe('trame user', SLOW, () => {
  it('adds a pilot with a password read from stdin, and the role', async () => {
    const email = newEmail();
    const run = await trame(
      ['user', 'add', email, '--name', 'Camille Martin', '--role', 'pilote', '--project', map.project.id, '--password-stdin'],
      `${PASSWORD}\n`,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Compte créé : Camille Martin <${email}>`);
    expect(run.stdout).toContain(`Rôle attribué : pilote du projet « Projet de test » (${map.project.id})`);
    const user = await verifyPassword(fixture.graph, email, PASSWORD);
    expect(user.name).toBe('Camille Martin');
    expect(await listGrants(fixture.graph, { userId: user.id })).toMatchObject([
      { role: 'PILOTE', projectId: map.project.id, territoryId: map.territory.id, grantedBy: 'system' },
    ]);
  });

  it('refuses a taken address, an unknown project or a bad role, writing nothing', async () => {
    const email = newEmail();
    expect((await trame(['user', 'add', email, '--name', 'Dominique'])).code).toBe(0);
    const taken = await trame(['user', 'add', email.toUpperCase(), '--name', 'Autre']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(`un compte utilise déjà l'adresse « ${email} » (EMAIL_TAKEN)`);

    const other = newEmail();
    const unknown = await trame(['user', 'add', other, '--name', 'Lou', '--role', 'pilote', '--project', 'prj-inexistant']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("le projet « prj-inexistant » n'existe pas (NOT_FOUND)");
    const scope = await trame(['user', 'add', other, '--name', 'Lou', '--role', 'relecteur', '--project', map.project.id]);
    expect(scope.code).toBe(1);
    expect(scope.stderr).toContain('(INVALID_ROLE)');
    expect(await findUserByEmail(fixture.graph, other)).toBeNull();

    const usage = await trame(['user', 'add', other, '--name', 'Lou', '--role', 'chef']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('rôle attendu : admin, pilote ou relecteur');
  });

  it('sets a password from stdin, refusing a short one and two different lines', async () => {
    const email = newEmail();
    await trame(['user', 'add', email, '--name', 'Sacha', '--password-stdin'], 'ancien mot de passe sûr\n');
    const changed = await trame(['user', 'password', email], `${PASSWORD}\n`);
    expect(changed.stderr).toBe('');
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain(`Mot de passe de Sacha <${email}>`);
    await expect(verifyPassword(fixture.graph, email, PASSWORD)).resolves.toMatchObject({ email });
    await expect(verifyPassword(fixture.graph, email, 'ancien mot de passe sûr')).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });

    const short = await trame(['user', 'password', email], 'court\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('(PASSWORD_TOO_SHORT)');
    const differ = await trame(['user', 'password', email], `${PASSWORD}\nautre chose encore\n`);
    expect(differ.code).toBe(2);
    expect(differ.stderr).toContain('doit tenir sur une ligne');
    const nobody = await trame(['user', 'password', newEmail()], `${PASSWORD}\n`);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('(USER_NOT_FOUND)');
    await expect(verifyPassword(fixture.graph, email, PASSWORD)).resolves.toMatchObject({ email });
  });

  it('grants, lists and revokes roles', async () => {
    const email = newEmail();
    await trame(['user', 'add', email, '--name', 'Alix']);
    const granted = await trame(['user', 'grant', email, '--role', 'relecteur', '--territory', map.territory.id]);
    expect(granted.code).toBe(0);
    expect(granted.stdout).toContain(`relecteur du territoire « ${String(map.territory.values.name)} »`);
    const user = (await findUserByEmail(fixture.graph, email))!;
    const [grant] = await listGrants(fixture.graph, { userId: user.id });
    expect(grant).toMatchObject({ role: 'RELECTEUR', territoryId: map.territory.id });

    const listed = await trame(['user', 'list']);
    expect(listed.stdout).toContain(`Alix <${email}> (${user.id}) : relecteur du territoire ${map.territory.id} [${grant!.id}]`);
    const json = JSON.parse((await trame(['user', 'list', '--json'])).stdout) as { email: string; grants: unknown[] }[];
    expect(json.find((u) => u.email === email)?.grants).toHaveLength(1);

    const revoked = await trame(['user', 'revoke', grant!.id]);
    expect(revoked.code).toBe(0);
    expect(await listGrants(fixture.graph, { userId: user.id })).toEqual([]);
  });
});

describe('trame token', SLOW, () => {
  it('creates a token printed once on stdout alone, lists it without its secret, revokes it', async () => {
    const email = newEmail();
    await trame(['user', 'add', email, '--name', 'Robin']);
    const created = await trame(['token', 'create', email, '--name', 'Export nocturne', '--expires', '2099-01-31']);
    expect(created.code).toBe(0);
    const token = created.stdout.trim();
    expect(token).toMatch(/^trame_pat_[\w-]{40,}$/);
    expect(created.stderr).toContain('Jeton « Export nocturne » créé');
    expect(created.stderr).toContain('valable jusqu’au 2099-01-31 inclus');
    const holder = await authenticateApiToken(fixture.graph, token);
    expect(holder?.user.email).toBe(email);
    const [info] = await listApiTokens(fixture.graph, holder!.user.id);
    expect(info!.expiresAt?.toISOString()).toBe('2099-02-01T00:00:00.000Z');

    const listed = await trame(['token', 'list', email]);
    expect(listed.stdout).toContain(`${info!.id}  « Export nocturne »  ${info!.hint}…`);
    expect(listed.stdout).not.toContain(token);

    const revoked = await trame(['token', 'revoke', info!.id]);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain('révoqué');
    expect(await authenticateApiToken(fixture.graph, token)).toBeNull();
  });

  it('refuses an impossible expiry date and an unknown account', async () => {
    const bad = await trame(['token', 'create', newEmail(), '--expires', '2099-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('date AAAA-MM-JJ attendue');
    const nobody = await trame(['token', 'create', newEmail()]);
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toContain('(USER_NOT_FOUND)');
  });
});

describe('trame domain', SLOW, () => {
  it('allows, lists and removes a domain', async () => {
    const domain = `${uniqueId('ville')}.fr`;
    const allowed = await trame(['domain', 'allow', `@${domain.toUpperCase()}`]);
    expect(allowed.code).toBe(0);
    expect(await allowedDomains(fixture.graph)).toContain(domain);
    expect((await trame(['domain', 'list'])).stdout.split('\n')).toContain(domain);
    expect((await trame(['domain', 'remove', domain])).code).toBe(0);
    expect(await allowedDomains(fixture.graph)).not.toContain(domain);
    const invalid = await trame(['domain', 'allow', 'pas un domaine']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('(INVALID_EMAIL_DOMAIN)');
  });
});

describe('trame --help', SLOW, () => {
  it('lists the commands in French', async () => {
    const help = await trame(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/user/);
    expect(help.stdout).toMatch(/token/);
    const user = await trame(['user', '--help']);
    expect(user.stdout).toContain('crée un compte');
  });
});

describe('trame projects', SLOW, () => {
  it('lists the territories and their projects with their ids, as text and as JSON', async () => {
    const text = await trame(['projects']);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines).toContain(`${String(map.territory.values.name)} (${map.territory.id})`);
    expect(lines).toContain(`  Projet de test (${map.project.id})`);
    const json = await trame(['projects', '--json']);
    expect(json.code).toBe(0);
    const listing = JSON.parse(json.stdout) as { id: string; name: string; projects: { id: string; name: string }[] }[];
    expect(listing.find((t) => t.id === map.territory.id)).toEqual({
      id: map.territory.id,
      name: String(map.territory.values.name),
      projects: [{ id: map.project.id, name: 'Projet de test' }],
    });
  });
});

describe('trame usage errors', SLOW, () => {
  it('speaks French and exits 2: an unknown option, a missing value, an unknown command', async () => {
    const option = await trame(['projects', '--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('erreur : option inconnue « --bogus »');
    expect(option.stderr).toContain('Utilisation : trame projects [options]');
    expect(option.stderr).not.toMatch(/\berror:|Usage:/);
    const value = await trame(['export', '--project', map.project.id, '--format']);
    expect(value.code).toBe(2);
    expect(value.stderr).toContain('erreur : l’option « --format <format> » attend une valeur');
    const command = await trame(['exprot']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('erreur : commande inconnue « exprot »');
    expect(command.stderr).toContain('(vouliez-vous dire export ?)');
  });

  it('reports an unknown option before a missing required one, on every command', async () => {
    const unknown = await trame(['export', '--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('erreur : option inconnue « --bogus »');
    expect(unknown.stderr).not.toContain('est obligatoire');
    // A command of a command (`user grant`, --role required) likewise.
    const nested = await trame(['user', 'grant', 'personne@ville-test.fr', '--bogus']);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain('erreur : option inconnue « --bogus »');
    expect(nested.stderr).not.toContain('est obligatoire');
    // Nothing unknown: the missing required option is still reported.
    const missing = await trame(['export', '--project', map.project.id]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('erreur : l’option « --format <format> » est obligatoire');
    expect(missing.stderr).toContain('Utilisation : trame export [options]');
  });

  it('--date reads JJ/MM/AAAA like AAAA-MM-JJ; a date that is none is a usage error (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trame-cli-date-'));
    const french = await trame([
      'export',
      '--project',
      map.project.id,
      '--format',
      'cyjs',
      '--date',
      '15/03/2021',
      '-o',
      join(dir, 'fr.cyjs'),
    ]);
    expect(french.stderr).toBe('');
    expect(french.code).toBe(0);
    const iso = await trame([
      'export',
      '--project',
      map.project.id,
      '--format',
      'cyjs',
      '--date',
      '2021-03-15',
      '-o',
      join(dir, 'iso.cyjs'),
    ]);
    expect(iso.code).toBe(0);
    expect(readFileSync(join(dir, 'fr.cyjs'), 'utf8')).toBe(readFileSync(join(dir, 'iso.cyjs'), 'utf8'));
    const bad = await trame(['export', '--project', map.project.id, '--format', 'cyjs', '--date', '31/02/2021']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('erreur : la valeur « 31/02/2021 » de l’option « --date <jour> » n’est pas valable');
    expect(bad.stderr).toContain('AAAA-MM-JJ, JJ/MM/AAAA');
  });
});
