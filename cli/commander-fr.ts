import { Help, type Command } from 'commander';

/**
 * Commander in French: its own messages (unknown option, missing argument…) and its help's
 * headings are English; the rest of `trame` speaks French. Commander builds a message per error
 * code without a hook for its words, so the finished English line is rewritten here, pattern by
 * pattern; a message no pattern knows goes out as it is rather than not at all.
 */

type Rewrite = [RegExp, (...groups: string[]) => string];

const SUGGESTION: Rewrite[] = [
  [/\n\(Did you mean one of (.+)\?\)/, (list) => `\n(vouliez-vous dire l’un de ceux-ci : ${list} ?)`],
  [/\n\(Did you mean (.+)\?\)/, (word) => `\n(vouliez-vous dire ${word} ?)`],
];

const MESSAGES: Rewrite[] = [
  [/^error: unknown option '([^']*)'/, (flag) => `erreur : option inconnue « ${flag} »`],
  [/^error: unknown command '([^']*)'/, (name) => `erreur : commande inconnue « ${name} »`],
  [/^error: missing required argument '([^']*)'/, (name) => `erreur : l’argument « ${name} » manque`],
  [/^error: option '([^']*)' argument missing/, (flags) => `erreur : l’option « ${flags} » attend une valeur`],
  [/^error: required option '([^']*)' not specified/, (flags) => `erreur : l’option « ${flags} » est obligatoire`],
  [
    /^error: option '([^']*)' argument '([^']*)' is invalid\.\s*/,
    (flags, value) => `erreur : la valeur « ${value} » de l’option « ${flags} » n’est pas valable : `,
  ],
  [
    /^error: command-argument value '([^']*)' is invalid for argument '([^']*)'\.\s*/,
    (value, name) => `erreur : la valeur « ${value} » de l’argument « ${name} » n’est pas valable : `,
  ],
  [
    /^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./,
    (command, expected, got) =>
      `erreur : trop d’arguments${command ? ` pour « ${command} »` : ''} (${expected} attendu${Number(expected) > 1 ? 's' : ''}, ${got} reçu${Number(got) > 1 ? 's' : ''})`,
  ],
  [/^error: (.+) cannot be used with (.+)$/m, (a, b) => `erreur : ${a} ne peut pas être employé avec ${b}`],
  [/^error: /, () => 'erreur : '],
];

/** Commander's English error line (`error: unknown option '--x'…`) in French. */
export function frenchCommanderMessage(message: string): string {
  let text = message;
  for (const [pattern, rewrite] of MESSAGES) {
    const match = pattern.exec(text);
    if (match) {
      text = text.slice(0, match.index) + rewrite(...match.slice(1)) + text.slice(match.index + match[0].length);
      break;
    }
  }
  for (const [pattern, rewrite] of SUGGESTION) {
    const match = pattern.exec(text);
    if (match) {
      text = text.replace(pattern, rewrite(...match.slice(1)));
      break;
    }
  }
  return text;
}

const TITLES: Record<string, string> = {
  'Usage:': 'Utilisation :',
  'Arguments:': 'Arguments :',
  'Options:': 'Options :',
  'Global Options:': 'Options générales :',
  'Commands:': 'Commandes :',
};

/**
 * Makes `program` (and the commands declared on it afterwards, which inherit these settings)
 * write commander's errors and help headings in French. Call before declaring the commands.
 */
export function speakFrench(program: Command): Command {
  return program.configureOutput({ outputError: (text, write) => write(frenchCommanderMessage(text)) }).configureHelp({
    styleTitle: (title) => TITLES[title] ?? title,
    commandUsage: (command) => Help.prototype.commandUsage.call(new Help(), command).replace('[command]', '[commande]'),
  });
}
