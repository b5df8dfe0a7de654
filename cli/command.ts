import type { Command } from 'commander';
import type { CliGraph } from './connection.ts';

/** What a command is given: a way to reach the graph (opened on demand) and to write. */
export interface CliContext {
  /** Connects once, on first call; closed by main after the command. */
  graph(): Promise<CliGraph>;
  out(text: string): void;
  err(text: string): void;
  /** Set by the command: 0 when all is well, 1 when it found problems (check), 2 on failure. */
  exitCode: number;
}

/** One command of the command line, one module each in cli/commands/. */
export interface CliCommand {
  name: string;
  /** Declares the command's arguments and options on the program, and its action. */
  register(program: Command, ctx: CliContext): void;
}
