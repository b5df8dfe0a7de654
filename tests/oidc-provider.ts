import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID provider for the tests (the `oidc-provider` package, certified by the OpenID
 * Foundation) on a free local port. By default its login and consent pages are replaced by a
 * test hook: the next interaction signs in `nextAccount` and grants what the client asked, so a
 * test chooses who the provider says is signing in. With `pages: true` the provider's own
 * development pages ask for a login (the account's subject) in the browser. Everything else —
 * discovery, PKCE, code, tokens signed with its keys, userinfo — is the provider's own.
 */
export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Claims of the accounts the provider knows, by subject. */
  accounts: Map<string, AccountClaims>;
  /** The subject the next login interaction signs in. */
  signInAs(subject: string): void;
  close(): Promise<void>;
}

export interface AccountClaims {
  email?: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
}

/** Starts the provider, trusting `redirectUris` for the client. */
export async function startTestProvider(options: { redirectUris: string[]; pages?: boolean }): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, AccountClaims>();
  let nextAccount = '';
  const clientId = 'trame-test';
  const clientSecret = 'trame-test-client-secret-0123456789abcdef';

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'given_name', 'family_name'] },
    findAccount: async (_ctx: KoaContextWithOIDC, sub: string) => {
      const claims = accounts.get(sub);
      return claims ? { accountId: sub, claims: async () => ({ sub, ...claims }) } : undefined;
    },
    features: { devInteractions: { enabled: options.pages ?? false } },
    cookies: { keys: ['trame-test-provider-cookie-key'] },
    pkce: { required: () => true },
    // Set, so the provider does not print a notice for each default.
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
  });
  // The login and consent "pages": answered at once for the chosen account.
  provider.use(async (ctx, next) => {
    if (options.pages || !ctx.path.startsWith('/interaction/')) return next();
    const details = await provider.interactionDetails(ctx.req, ctx.res);
    if (details.prompt.name === 'login') {
      const redirectTo = await provider.interactionResult(ctx.req, ctx.res, { login: { accountId: nextAccount } });
      ctx.redirect(redirectTo);
      return;
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    const redirectTo = await provider.interactionResult(
      ctx.req,
      ctx.res,
      { consent: { grantId } },
      { mergeWithLastSubmission: true },
    );
    ctx.redirect(redirectTo);
  });
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signInAs: (subject) => {
      nextAccount = subject;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
