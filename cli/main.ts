import { Command, CommanderError } from 'commander';
import type { CliCommand, CliContext } from './command.ts';
import { backupCommand } from './commands/backup.ts';
import { checkCommand } from './commands/check.ts';
import { domainCommand } from './commands/domain.ts';
import { tokenCommand } from './commands/token.ts';
import { userCommand } from './commands/user.ts';
import { exportCommand } from './commands/export.ts';
import { importCommand } from './commands/import.ts';
import { restoreCommand } from './commands/restore.ts';
import { projectsCommand } from './commands/projects.ts';
import { speakFrench } from './commander-fr.ts';
import { checkRequiredOptionsLast } from './required-options.ts';
import { ConfigError, loadConfig } from '@trame/api/config';
import { isDomainError } from '@trame/graph';
import { connect, type CliGraph } from './connection.ts';
import { InputError } from './secret-input.ts';

/** The commands, one module each. */
const COMMANDS: readonly CliCommand[] = [
  checkCommand,
  projectsCommand,
  userCommand,
  tokenCommand,
  domainCommand,
  importCommand,
  exportCommand,
  backupCommand,
  restoreCommand,
];

/**
 * Runs the command line on `argv` (process.argv) and returns the exit code: 0 success, 1 the
 * command found problems (check) or refused the operation (a domain error: address taken,
 * unknown account, invalid role… with its French message and code; nothing written), 2 a usage
 * error (unknown option — reported first —, missing argument or required option, a `--date`
 * that is no date: commander's message, in French) or a failure (Neo4j unreachable…).
 */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let opened: CliGraph | null = null;
  const ctx: CliContext = {
    graph: async () => (opened ??= await connect({ config: loadConfig(env), log: (line) => process.stderr.write(`${line}\n`) })),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    exitCode: 0,
  };
  const program = speakFrench(new Command('trame'))
    .description('Trame — commandes d’exploitation (même Neo4j que le serveur : NEO4J_URI…, sinon le Neo4j intégré)')
    .helpOption('-h, --help', 'affiche l’aide')
    .helpCommand('help [commande]', 'affiche l’aide d’une commande')
    .exitOverride()
    .showHelpAfterError();
  for (const command of COMMANDS) command.register(program, ctx);
  // An unknown option is reported before a missing required one (`trame export --bogus`).
  checkRequiredOptionsLast(program);
  try {
    await program.parseAsync([...argv]);
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isDomainError(error)) {
      ctx.err(`trame : ${error.message} (${error.code})`);
      return 1;
    }
    if (error instanceof InputError) {
      ctx.err(`trame : ${error.message}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      ctx.err(`trame : ${error.message}`);
      return error.exitCode;
    }
    ctx.err(`trame : échec — ${(error as Error).message}`);
    return 2;
  } finally {
    await (opened as CliGraph | null)?.close();
  }
}
