import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import { en } from './en.ts';
import { fr, type Messages } from './fr.ts';
import { accessErrorText, ssoErrorText } from './accessErrors.ts';

const frMessages = fr as unknown as Messages;

describe('access errors in words', () => {
  it('give the sign-in refusals their own French sentence, not the server’s text', () => {
    expect(accessErrorText(new ApiError('x', 'INVALID_CREDENTIALS'), frMessages)).toBe(
      'Adresse e-mail ou mot de passe incorrect.',
    );
    expect(accessErrorText(new ApiError('x', 'RATE_LIMITED'), frMessages)).toMatch(/^Trop de tentatives/);
    expect(accessErrorText(new ApiError('x', 'INVALID_SIGN_IN_LINK'), frMessages)).toMatch(
      /lien de connexion n’est plus valable/,
    );
    expect(accessErrorText(new ApiError('x', 'NETWORK'), frMessages)).toMatch(/^Le serveur ne répond pas/);
    expect(accessErrorText(new ApiError('le mot de passe actuel est incorrect', 'INVALID_CREDENTIALS'), en)).toBe(
      'Wrong e-mail address or password.',
    );
  });

  it('keep the server’s message for the others (it names things by their label)', () => {
    expect(accessErrorText(new ApiError('Le nom du lien mural est obligatoire.', 'REQUIRED_FIELD'), frMessages)).toBe(
      'Le nom du lien mural est obligatoire.',
    );
  });

  it('say every single sign-on return code in words, and an unknown one by its code', () => {
    for (const code of [
      'EMAIL_DOMAIN_NOT_ALLOWED',
      'OIDC_STATE_MISMATCH',
      'OIDC_FAILED',
      'OIDC_EMAIL_NOT_VERIFIED',
      'FORBIDDEN',
      'SERVICE_UNAVAILABLE',
    ])
      expect(ssoErrorText(code, frMessages)).not.toContain(code);
    expect(ssoErrorText('SOMETHING_NEW', frMessages)).toContain('SOMETHING_NEW');
  });
});
