import { describe, expect, it } from 'vitest';
import { FlowCookieSigner, localPath, readCookie, serializeCookie, type OidcFlow } from './oidc-cookies.ts';

const flow: OidcFlow = {
  state: 'etat',
  nonce: 'nonce',
  codeVerifier: 'verificateur',
  redirectUri: 'https://trame.example.fr/auth/oidc/retour',
  returnTo: '/projets/prj-1',
  expiresAt: 1_000_000,
};

describe('the sign-in attempt cookie', () => {
  const signer = new FlowCookieSigner('le secret du client');

  it('reads back what it signed until it expires', () => {
    const value = signer.sign(flow);
    expect(signer.read(value, 999_999)).toEqual(flow);
    expect(signer.read(value, 1_000_001)).toBeNull();
  });

  it('refuses a changed payload, a changed signature, another key, garbage', () => {
    const value = signer.sign(flow);
    const [payload, mac] = value.split('.') as [string, string];
    const changed = Buffer.from(JSON.stringify({ ...flow, state: 'autre' })).toString('base64url');
    expect(signer.read(`${changed}.${mac}`, 0)).toBeNull();
    expect(signer.read(`${payload}.${mac.slice(0, -2)}AA`, 0)).toBeNull();
    expect(new FlowCookieSigner('un autre secret').read(value, 0)).toBeNull();
    for (const junk of [null, '', '.', 'abc', `${payload}.`, `.${mac}`]) expect(signer.read(junk, 0)).toBeNull();
    const incomplete = Buffer.from(JSON.stringify({ ...flow, nonce: '' })).toString('base64url');
    expect(signer.read(`${incomplete}.${new FlowCookieSigner('le secret du client').sign(flow).split('.')[1]}`, 0)).toBeNull();
  });
});

describe('cookies', () => {
  it('writes httpOnly, SameSite=Lax, Path=/ cookies, Secure on demand', () => {
    expect(serializeCookie('trame_oidc', 'v', { secure: false, maxAgeSeconds: 600 })).toBe(
      'trame_oidc=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=600',
    );
    expect(serializeCookie('__Host-trame_oidc', '', { secure: true, maxAgeSeconds: 0 })).toBe(
      '__Host-trame_oidc=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure',
    );
  });

  it('reads one cookie out of a header', () => {
    expect(readCookie('a=1; trame_oidc=x.y; b=2', 'trame_oidc')).toBe('x.y');
    expect(readCookie('xtrame_oidc=1', 'trame_oidc')).toBeNull();
    expect(readCookie(undefined, 'trame_oidc')).toBeNull();
  });
});

describe('localPath', () => {
  it('keeps a path of this site and sends anything else to /', () => {
    expect(localPath('/projets/prj-1?date=2019-03-01')).toBe('/projets/prj-1?date=2019-03-01');
    for (const outside of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      'projets',
      '',
      undefined,
      ['/a'],
      '/a\nb',
    ]) {
      expect(localPath(outside)).toBe('/');
    }
  });
});
