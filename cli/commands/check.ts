import { entitySpec, isoDay, runIntegrityCheck, type EntityType, type IntegrityReport } from '@trame/graph';
import type { CliCommand } from '../command.ts';

/**
 * `trame check [--json] [--territory <id>] [--limit <n>]`: the consistency check of
 * graph/src/integrity/check.ts on the database; a French summary (or the report as JSON), exit
 * code 1 when problems are found.
 */
export const checkCommand: CliCommand = {
  name: 'check',
  register(program, ctx) {
    program
      .command('check')
      .description('vérifie la cohérence du graphe : références pendantes, versions qui se chevauchent, identités incohérentes')
      .option('--json', 'écrit le rapport complet en JSON')
      .option('--territory <id>', 'ne vérifie qu’un territoire (et ses projets)')
      .option('--limit <n>', 'nombre maximal de problèmes listés par sorte', (value) => positiveInt(value), 1000)
      .action(async (options: { json?: boolean; territory?: string; limit: number }) => {
        const { graph, where, startedForCommand } = await ctx.graph();
        const report = await runIntegrityCheck(graph, { territoryId: options.territory ?? null, limit: options.limit });
        ctx.out(options.json ? JSON.stringify(report, null, 2) : summary(report, where));
        ctx.exitCode = report.ok ? 0 : 1;
        if (report.entities === 0 && startedForCommand) {
          // An empty database started just for the command is most likely not the server's.
          ctx.err(
            `trame check : aucune entité dans ${where} — ce n’est sans doute pas la base du serveur. ` +
              'Si le serveur tourne, indiquez le port de son Neo4j (TRAME_NEO4J_PORT) ou NEO4J_URI ; sinon TRAME_DATA_DIR.',
          );
          ctx.exitCode = 2;
        }
      });
  },
};

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--limit attend un entier positif, pas « ${value} »`);
  return n;
}

const count = (n: number) => n.toLocaleString('fr-FR');
const plural = (n: number, one: string, many: string) => `${count(n)} ${n > 1 ? many : one}`;
const day = (iso: string | null) => (iso === null ? '…' : isoDay(new Date(iso)));
const label = (type: EntityType) => entitySpec(type).label;
const fieldLabel = (type: EntityType, field: string) => entitySpec(type).fields[field]?.label ?? field;
const inProject = (projectId: string | null) => (projectId ? ` (projet ${projectId})` : '');

/** The report in French, one line per problem. */
export function summary(report: IntegrityReport, where: string): string {
  const lines: string[] = [];
  const scope = report.territoryId ? `territoire ${report.territoryId}` : 'base entière';
  lines.push(`Vérification de la cohérence — ${scope}, ${where}`);
  lines.push(`${plural(report.entities, 'entité', 'entités')}, ${plural(report.versions, 'version', 'versions')} examinées.`);

  const dangling = report.danglingReferences;
  lines.push(
    '',
    dangling.length === 0
      ? '✔ Aucune référence pendante.'
      : `✘ ${plural(dangling.length, 'référence pendante', 'références pendantes')} :`,
  );
  for (const d of dangling) {
    const target = d.targetType
      ? `« ${d.targetId} », valide du ${day(d.targetValidFrom)} au ${day(d.targetValidTo)}`
      : `« ${d.targetId} », qui n'existe pas`;
    lines.push(
      `  - ${label(d.entityType)} « ${d.entityId} »${inProject(d.projectId)}, du ${day(d.validFrom)} au ${day(d.validTo)} : ${fieldLabel(d.entityType, d.field)} → ${target}`,
    );
  }

  const overlapping = report.overlappingVersions;
  lines.push(
    '',
    overlapping.length === 0
      ? '✔ Aucune version qui en chevauche une autre.'
      : `✘ ${plural(overlapping.length, 'chevauchement de versions', 'chevauchements de versions')} :`,
  );
  for (const o of overlapping) {
    lines.push(
      `  - ${label(o.entityType)} « ${o.entityId} »${inProject(o.projectId)} : version du ${day(o.first.validFrom)} au ${day(o.first.validTo)} et version du ${day(o.second.validFrom)} au ${day(o.second.validTo)}`,
    );
  }

  const mismatches = report.identityMismatches;
  lines.push(
    '',
    mismatches.length === 0
      ? '✔ Chaque entité a une dernière version cohérente.'
      : `✘ ${plural(mismatches.length, 'entité incohérente', 'entités incohérentes')} :`,
  );
  for (const m of mismatches) lines.push(`  - ${label(m.entityType)} « ${m.entityId} »${inProject(m.projectId)} : ${m.problem}`);

  const problems = dangling.length + overlapping.length + mismatches.length;
  lines.push('');
  if (problems === 0) lines.push('Résultat : aucun problème.');
  else
    lines.push(
      `Résultat : ${plural(problems, 'problème trouvé', 'problèmes trouvés')}${report.truncated ? ' (liste tronquée : voir --limit)' : ''}.`,
    );
  return lines.join('\n');
}
