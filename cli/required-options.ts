import type { Command, Option } from 'commander';

/**
 * Commander checks a command's required options (`requiredOption`) before its unknown ones:
 * `trame export --bogus` answered « l’option --format est obligatoire » and hid the typo. Here
 * the required options of `program` and of every command declared on it (call after declaring
 * them) are checked after the unknown options and the arguments, just before the action, with
 * commander's own error (same message, rewritten in French by commander-fr.ts; same exit code).
 */
export function checkRequiredOptionsLast(program: Command): Command {
  const required = new Map<Command, Option[]>();
  const collect = (command: Command) => {
    const options = command.options.filter((option) => option.mandatory);
    for (const option of options) option.makeOptionMandatory(false);
    if (options.length > 0) required.set(command, options);
    for (const sub of command.commands) collect(sub);
  };
  collect(program);
  program.hook('preAction', (_program, action) => {
    // The action's command and its parents, as commander walks them.
    for (let command: Command | null = action; command; command = command.parent) {
      for (const option of required.get(command) ?? []) {
        if (command.getOptionValue(option.attributeName()) === undefined) {
          command.error(`error: required option '${option.flags}' not specified`, {
            code: 'commander.missingMandatoryOptionValue',
          });
        }
      }
    }
  });
  return program;
}
