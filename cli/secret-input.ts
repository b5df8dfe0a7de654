/**
 * Reading a password for the command line: from a terminal without echo (asked twice), or
 * from standard input (a script, `--password-stdin`), never from an argument (it would stay
 * in the shell history and show in `ps`).
 */

/** The operator gave up (Ctrl-C) or the input is unusable: a usage failure, exit code 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** The whole of standard input, minus one final line break. */
export async function readStdin(input: NodeJS.ReadStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/**
 * A password from standard input: one line; two identical lines (as typed twice) are accepted
 * too. Throws InputError for anything else, rather than guessing which line was meant.
 */
export async function passwordFromStdin(input: NodeJS.ReadStream = process.stdin): Promise<string> {
  const text = await readStdin(input);
  const lines = text.split(/\r?\n/);
  if (lines.length === 2 && lines[0] === lines[1]) return lines[0]!;
  if (lines.length > 1) throw new InputError('le mot de passe lu sur l’entrée standard doit tenir sur une ligne');
  if (text === '') throw new InputError('aucun mot de passe sur l’entrée standard');
  return text;
}

/** One line typed on the terminal without echo; Ctrl-C throws InputError. */
export function readHidden(
  prompt: string,
  input: NodeJS.ReadStream = process.stdin,
  output: NodeJS.WriteStream = process.stderr,
): Promise<string> {
  return new Promise((resolve, reject) => {
    output.write(prompt);
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.resume();
    let value = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      output.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003') {
          finish();
          reject(new InputError('saisie interrompue'));
          return;
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else if (char >= ' ') value += char;
      }
    };
    input.on('data', onData);
  });
}

/** A new password: typed twice on a terminal, or read from standard input when it is not one. */
export async function newPassword(input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!input.isTTY) return passwordFromStdin(input);
  const first = await readHidden('Nouveau mot de passe (12 caractères au moins) : ', input);
  const second = await readHidden('Confirmez-le : ', input);
  if (first !== second) throw new InputError('les deux saisies diffèrent : rien n’a été changé');
  return first;
}
