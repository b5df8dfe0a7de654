import { describe, expect, it } from 'vitest';
import { frenchCommanderMessage } from '../../cli/commander-fr.ts';
import { parseDateOption } from '../../cli/date-option.ts';

describe('commander’s messages in French', () => {
  it('rewrites each error commander makes', () => {
    expect(frenchCommanderMessage("error: unknown option '--bogus'\n")).toBe('erreur : option inconnue « --bogus »\n');
    expect(frenchCommanderMessage("error: unknown command 'exprot'\n(Did you mean export?)\n")).toBe(
      'erreur : commande inconnue « exprot »\n(vouliez-vous dire export ?)\n',
    );
    expect(frenchCommanderMessage("error: missing required argument 'email'\n")).toBe('erreur : l’argument « email » manque\n');
    expect(frenchCommanderMessage("error: option '--format <format>' argument missing\n")).toBe(
      'erreur : l’option « --format <format> » attend une valeur\n',
    );
    expect(frenchCommanderMessage("error: required option '--name <nom>' not specified\n")).toBe(
      'erreur : l’option « --name <nom> » est obligatoire\n',
    );
    expect(
      frenchCommanderMessage("error: option '--date <jour>' argument 'demain' is invalid. un jour qui existe est attendu\n"),
    ).toBe('erreur : la valeur « demain » de l’option « --date <jour> » n’est pas valable : un jour qui existe est attendu\n');
    expect(frenchCommanderMessage("error: too many arguments for 'projects'. Expected 0 arguments but got 1.\n")).toBe(
      'erreur : trop d’arguments pour « projects » (0 attendu, 1 reçu)\n',
    );
  });

  it('leaves no English « error: » even on a message it does not know', () => {
    expect(frenchCommanderMessage('error: something new\n')).toBe('erreur : something new\n');
  });
});

describe('--date', () => {
  it('reads AAAA-MM-JJ, JJ/MM/AAAA and ISO instants', () => {
    expect(parseDateOption('15/03/2021').toISOString()).toBe('2021-03-15T00:00:00.000Z');
    expect(parseDateOption('5/3/2021').toISOString()).toBe('2021-03-05T00:00:00.000Z');
    expect(parseDateOption('2021-03-15').toISOString()).toBe('2021-03-15T00:00:00.000Z');
    expect(parseDateOption('2021-03-15T10:00:00+01:00').toISOString()).toBe('2021-03-15T09:00:00.000Z');
  });

  it('refuses what is no day as a usage error (commander’s InvalidArgumentError: exit 2)', () => {
    for (const value of ['31/02/2021', '15-03-2021', 'demain', '2021-13-01']) {
      expect(() => parseDateOption(value)).toThrow(expect.objectContaining({ code: 'commander.invalidArgument' }));
    }
  });
});
