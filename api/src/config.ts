/**
 * Trame's configuration: every environment variable the app reads, parsed once at start-up.
 *
 * The server, the bootstrap, the start/migrate/seed scripts and the embedded Neo4j's options all
 * take a `TrameConfig`; nothing else reads `process.env` (the tests' TRAME_TEST_* and the bench's
 * BENCH_* variables belong to them). The README's variable table is checked against
 * `CONFIG_VARIABLES` by `config.test.ts`.
 */
import { resolve } from 'node:path';
import { BOLT_PASSWORD_FILE, DEFAULT_NEO4J_HEAP, DEFAULT_NEO4J_PASSWORD, boltPassword } from '@trame/neo4j-embedded';
import { z } from 'zod';

// Written once, beside the embedded Neo4j that needs them even without this configuration.
export { DEFAULT_NEO4J_HEAP, DEFAULT_NEO4J_PASSWORD };
/** Neo4j refuses shorter passwords. */
const MIN_PASSWORD_LENGTH = 8;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

interface VariableSpec {
  name: string;
  /** The value used when the variable is unset, as it would be written in the environment. */
  default?: string;
  /** The README's default column when there is no single default value. */
  unsetMeans?: string;
  /** What a valid value looks like, in French, for the error message. */
  expected: string;
  /** Never echoed in an error message. */
  secret?: boolean;
  schema: z.ZodType;
}

const integer = (min: number, max: number) =>
  z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const text = z.string().min(1);
/** `http(s)://host[:port]`, no path: an origin, as browsers send it in `Origin`. */
const ORIGIN = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/;
const origin = z
  .string()
  .transform((value) => value.replace(/\/$/, ''))
  .pipe(z.string().regex(ORIGIN))
  .transform((value) => new URL(value).origin);
const originList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim().replace(/\/$/, ''))
      .filter((item) => item !== ''),
  )
  .pipe(z.array(z.string().regex(ORIGIN)).min(1))
  .transform((values) => [...new Set(values.map((value) => new URL(value).origin))]);

/** Every variable, in the README's order. */
export const CONFIG_VARIABLES = [
  { name: 'PORT', default: '4000', expected: 'un entier de 1 à 65535', schema: integer(1, 65535) },
  { name: 'HOST', default: '127.0.0.1', expected: 'une adresse ou un nom d’hôte non vide', schema: text },
  {
    name: 'LOG_LEVEL',
    default: 'warn',
    expected: LOG_LEVELS.join(', '),
    schema: z.enum(LOG_LEVELS),
  },
  { name: 'TRAME_GRAPHIQL', default: 'true', expected: 'true ou false', schema: flag },
  {
    name: 'TRAME_PUBLIC_URL',
    unsetMeans: '*(unset: `http://localhost:PORT`)*',
    expected: 'une origine http:// ou https:// sans chemin, comme https://trame.ville-malaunay.fr',
    schema: origin,
  },
  {
    name: 'TRAME_CORS_ORIGINS',
    unsetMeans: '*(unset: none)*',
    expected: 'des origines séparées par des virgules, comme https://intranet.ville.fr,https://sig.ville.fr',
    schema: originList,
  },
  {
    name: 'TRAME_REQUEST_TIMEOUT_MS',
    default: '30000',
    expected: 'un entier de 1000 à 600000 (millisecondes)',
    schema: integer(1_000, 600_000),
  },
  {
    name: 'TRAME_MAX_CONCURRENT_OPERATIONS',
    default: '4',
    expected: 'un entier de 1 à 256',
    schema: integer(1, 256),
  },
  {
    name: 'TRAME_HEAP_GROWING_PERCENT',
    default: '50',
    expected: 'un entier de 0 à 400 (pour cent ; 0 : le réglage de V8)',
    schema: integer(0, 400),
  },
  {
    name: 'TRAME_REDIS_URL',
    unsetMeans: '*(unset: in-process)*',
    expected: 'une adresse redis:// ou rediss://, comme redis://127.0.0.1:6379',
    schema: z.string().regex(/^rediss?:\/\/\S+$/),
  },
  {
    name: 'TRAME_ADMIN_EMAIL',
    default: 'admin@trame.localhost',
    expected: 'une adresse e-mail',
    schema: z.string().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/),
  },
  {
    name: 'TRAME_ADMIN_PASSWORD',
    unsetMeans: '*(unset: a one-time sign-in link)*',
    expected: 'un mot de passe de 12 à 256 caractères',
    secret: true,
    schema: z.string().min(12).max(256),
  },
  {
    name: 'TRAME_SEED_DEMO',
    unsetMeans: '`true` with the embedded Neo4j, else `false`',
    expected: 'true ou false',
    schema: flag,
  },
  {
    name: 'TRAME_SKIP_WEB_BUILD',
    default: 'false',
    expected: 'true ou false',
    schema: flag,
  },
  {
    name: 'TRAME_OIDC_ISSUER',
    unsetMeans: '*(unset: no single sign-on)*',
    expected: 'l’adresse https:// du fournisseur OpenID Connect (http:// seulement pour un fournisseur de test local)',
    schema: z.string().regex(/^https?:\/\/[^\s/]+\S*$/),
  },
  { name: 'TRAME_OIDC_CLIENT_ID', unsetMeans: '*(unset)*', expected: 'un identifiant de client non vide', schema: text },
  {
    name: 'TRAME_OIDC_CLIENT_SECRET',
    unsetMeans: '*(unset)*',
    expected: 'un secret de client non vide',
    secret: true,
    schema: text,
  },
  {
    name: 'TRAME_OIDC_LABEL',
    default: 'OpenID Connect',
    expected: 'un nom de 1 à 60 caractères',
    schema: z.string().min(1).max(60),
  },
  {
    name: 'TRAME_OIDC_SCOPES',
    default: 'openid email profile',
    expected: 'des portées séparées par des espaces, dont openid',
    schema: z
      .string()
      .transform((value) => value.split(/\s+/).filter(Boolean))
      .refine((scopes) => scopes.includes('openid') && scopes.every((scope) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(scope))),
  },
  { name: 'TRAME_OIDC_TRUST_EMAIL', default: 'false', expected: 'true ou false', schema: flag },
  {
    name: 'NEO4J_URI',
    unsetMeans: '*(unset: embedded Neo4j)*',
    expected: 'une adresse bolt://, bolt+s://, neo4j:// ou neo4j+s:// (avec +ssc accepté)',
    schema: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+/),
  },
  { name: 'NEO4J_USER', default: 'neo4j', expected: 'un nom d’utilisateur non vide', schema: text },
  {
    name: 'NEO4J_PASSWORD',
    unsetMeans: `*(unset: generated in \`TRAME_DATA_DIR/${BOLT_PASSWORD_FILE}\` for the embedded Neo4j; \`${DEFAULT_NEO4J_PASSWORD}\` with NEO4J_URI)*`,
    expected: 'un mot de passe non vide',
    secret: true,
    schema: text,
  },
  { name: 'NEO4J_DATABASE', default: 'neo4j', expected: 'un nom de base non vide', schema: text },
  {
    name: 'NEO4J_CONNECTION_TIMEOUT_MS',
    default: '1000',
    expected: 'un entier de 100 à 60000 (millisecondes)',
    schema: integer(100, 60_000),
  },
  { name: 'TRAME_DATA_DIR', default: '.data/neo4j', expected: 'un chemin de dossier non vide', schema: text },
  { name: 'TRAME_NEO4J_PORT', default: '7687', expected: 'un entier de 1 à 65535', schema: integer(1, 65535) },
  {
    name: 'TRAME_NEO4J_HEAP',
    default: DEFAULT_NEO4J_HEAP,
    expected: 'une taille comme 512m ou 1g',
    schema: z.string().regex(/^[1-9]\d*[kKmMgG]$/),
  },
  {
    name: 'TRAME_NEO4J_RESTARTS',
    default: '5',
    expected: 'un entier de 1 à 100',
    schema: integer(1, 100),
  },
  {
    name: 'TRAME_NEO4J_LAUNCHER_DIR',
    unsetMeans: '`neo4j-embedded/launcher`',
    expected: 'un chemin de dossier non vide',
    schema: text,
  },
  {
    name: 'JAVA_HOME',
    unsetMeans: '*(unset: `java` on the PATH)*',
    expected: 'un chemin de dossier non vide',
    schema: text,
  },
] as const satisfies readonly VariableSpec[];

export type ConfigVariable = (typeof CONFIG_VARIABLES)[number]['name'];

export interface TrameConfig {
  server: {
    port: number;
    host: string;
    logLevel: (typeof LOG_LEVELS)[number];
    graphiql: boolean;
    /** The origin users reach Trame at (cookies, links, the Host check); null: http://localhost:PORT. */
    publicUrl: string | null;
    /** Other origins allowed to call the API with credentials (CORS); empty: none. */
    corsOrigins: string[];
    /** A request not answered within this is cut (fastify's requestTimeout). */
    requestTimeoutMs: number;
    /** GraphQL operations executed at once; the others wait their turn (bounds the process's memory). */
    maxConcurrentOperations: number;
    /** How far V8 lets the heap grow past the live set before a full collection (heap.ts); 0: V8's own. */
    heapGrowingPercent: number;
    /** The live bus shared by API processes (ADR 0010); null: in-process. */
    redisUrl: string | null;
    /** null: seed when the embedded Neo4j is used. */
    seedDemo: boolean | null;
    skipWebBuild: boolean;
  };
  neo4j: {
    /** null: start the embedded Neo4j. */
    uri: string | null;
    user: string;
    /**
     * NEO4J_PASSWORD; null when unset: the embedded Neo4j's generated one (`neo4jPassword(config)`
     * reads or creates it), or Trame's old default with NEO4J_URI.
     */
    password: string | null;
    database: string;
    connectionTimeoutMs: number;
  };
  /** The first administrator, created on a database without users (first start). */
  admin: {
    email: string;
    /** null: no password; a one-time sign-in link is printed instead. */
    password: string | null;
  };
  /** Single sign-on (api/src/plugins/oidc.ts); null unless issuer, client id and secret are all set. */
  oidc: OidcConfig | null;
  embedded: {
    /** Absolute path of the data folder. */
    home: string;
    port: number;
    heap: string;
    /** Quick failures in a row after which the supervisor gives up. */
    restartLimit: number;
    launcherDir: string | undefined;
    javaHome: string | undefined;
  };
}

export interface OidcConfig {
  /** The provider's issuer URL (its discovery document is `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown on the sign-in button: « Se connecter avec <label> » (e.g. ProConnect). */
  label: string;
  /** Requested scopes; always includes `openid`. */
  scopes: string[];
  /** Take the provider's `email` as verified even without `email_verified: true` (providers that vouch for every address). */
  trustEmail: boolean;
}

const OIDC_REQUIRED = ['TRAME_OIDC_ISSUER', 'TRAME_OIDC_CLIENT_ID', 'TRAME_OIDC_CLIENT_SECRET'] as const;

/** A variable holds a value Trame cannot use. `npm start` prints the message and exits with code 2. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly exitCode = 2;
  constructor(
    message: string,
    readonly variables: string[],
  ) {
    super(message);
  }
}

function describe(spec: VariableSpec, raw: string): string {
  const value = spec.secret ? '' : ` : « ${raw} »`;
  return `la variable d’environnement ${spec.name} est invalide${value} (attendu : ${spec.expected})`;
}

/**
 * Parses the environment once. An empty variable counts as unset.
 * @throws ConfigError naming every invalid variable and its value (French, one line each).
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TrameConfig {
  const values: Record<string, unknown> = {};
  const problems: string[] = [];
  const invalid: string[] = [];
  for (const spec of CONFIG_VARIABLES as readonly VariableSpec[]) {
    const raw = env[spec.name];
    const given = raw === undefined || raw.trim() === '' ? spec.default : raw.trim();
    if (given === undefined) {
      values[spec.name] = undefined;
      continue;
    }
    const parsed = spec.schema.safeParse(given);
    if (parsed.success) {
      values[spec.name] = parsed.data;
    } else {
      problems.push(describe(spec, given));
      invalid.push(spec.name);
    }
  }
  const uri = values.NEO4J_URI as string | undefined;
  const password = (values.NEO4J_PASSWORD as string | undefined) ?? null;
  if (!uri && password !== null && password.length < MIN_PASSWORD_LENGTH && !invalid.includes('NEO4J_PASSWORD')) {
    problems.push(
      `la variable d’environnement NEO4J_PASSWORD est trop courte pour le Neo4j embarqué (au moins ${MIN_PASSWORD_LENGTH} caractères)`,
    );
    invalid.push('NEO4J_PASSWORD');
  }
  if (!uri && values.PORT === values.TRAME_NEO4J_PORT && !invalid.includes('PORT') && !invalid.includes('TRAME_NEO4J_PORT')) {
    problems.push(
      `les variables d’environnement PORT et TRAME_NEO4J_PORT valent toutes deux « ${String(values.PORT)} » : l’application et le Neo4j embarqué ont besoin de deux ports`,
    );
    invalid.push('PORT', 'TRAME_NEO4J_PORT');
  }
  const oidcGiven = OIDC_REQUIRED.filter((name) => values[name] !== undefined || invalid.includes(name));
  if (oidcGiven.length > 0 && oidcGiven.length < OIDC_REQUIRED.length) {
    const missing = OIDC_REQUIRED.filter((name) => !oidcGiven.includes(name));
    problems.push(
      `la connexion OpenID Connect demande TRAME_OIDC_ISSUER, TRAME_OIDC_CLIENT_ID et TRAME_OIDC_CLIENT_SECRET ensemble : ${missing.join(' et ')} ${missing.length > 1 ? 'manquent' : 'manque'}`,
    );
    invalid.push(...missing);
  }
  if (problems.length > 0) {
    throw new ConfigError(`Configuration invalide : ${problems.join(' ; ')}.`, invalid);
  }
  return {
    server: {
      port: values.PORT as number,
      host: values.HOST as string,
      logLevel: values.LOG_LEVEL as TrameConfig['server']['logLevel'],
      graphiql: values.TRAME_GRAPHIQL as boolean,
      publicUrl: (values.TRAME_PUBLIC_URL as string | undefined) ?? null,
      corsOrigins: (values.TRAME_CORS_ORIGINS as string[] | undefined) ?? [],
      requestTimeoutMs: values.TRAME_REQUEST_TIMEOUT_MS as number,
      maxConcurrentOperations: values.TRAME_MAX_CONCURRENT_OPERATIONS as number,
      heapGrowingPercent: values.TRAME_HEAP_GROWING_PERCENT as number,
      redisUrl: (values.TRAME_REDIS_URL as string | undefined) ?? null,
      seedDemo: (values.TRAME_SEED_DEMO as boolean | undefined) ?? null,
      skipWebBuild: values.TRAME_SKIP_WEB_BUILD as boolean,
    },
    neo4j: {
      uri: uri ?? null,
      user: values.NEO4J_USER as string,
      password,
      database: values.NEO4J_DATABASE as string,
      connectionTimeoutMs: values.NEO4J_CONNECTION_TIMEOUT_MS as number,
    },
    admin: {
      email: values.TRAME_ADMIN_EMAIL as string,
      password: (values.TRAME_ADMIN_PASSWORD as string | undefined) ?? null,
    },
    oidc:
      oidcGiven.length === OIDC_REQUIRED.length
        ? {
            issuer: values.TRAME_OIDC_ISSUER as string,
            clientId: values.TRAME_OIDC_CLIENT_ID as string,
            clientSecret: values.TRAME_OIDC_CLIENT_SECRET as string,
            label: values.TRAME_OIDC_LABEL as string,
            scopes: values.TRAME_OIDC_SCOPES as string[],
            trustEmail: values.TRAME_OIDC_TRUST_EMAIL as boolean,
          }
        : null,
    embedded: {
      home: resolve(values.TRAME_DATA_DIR as string),
      port: values.TRAME_NEO4J_PORT as number,
      heap: values.TRAME_NEO4J_HEAP as string,
      restartLimit: values.TRAME_NEO4J_RESTARTS as number,
      launcherDir: values.TRAME_NEO4J_LAUNCHER_DIR as string | undefined,
      javaHome: values.JAVA_HOME as string | undefined,
    },
  };
}

/**
 * The Bolt password to use: NEO4J_PASSWORD when set; else, for the embedded Neo4j, the one
 * generated on first start in `TRAME_DATA_DIR/bolt-password` (created here when missing, mode
 * 0600); else (NEO4J_URI without a password) Trame's old default, for existing set-ups.
 */
export function neo4jPassword(config: TrameConfig): string {
  if (config.neo4j.password !== null) return config.neo4j.password;
  return config.neo4j.uri ? DEFAULT_NEO4J_PASSWORD : boltPassword(config.embedded.home);
}

/** The origin links and the Host check use: TRAME_PUBLIC_URL, or http://localhost:PORT. */
export function publicUrl(config: TrameConfig): string {
  return config.server.publicUrl ?? `http://localhost:${config.server.port}`;
}

/** The README's default column for a variable: its default in backquotes, or what unset means. */
export function readmeDefault(spec: (typeof CONFIG_VARIABLES)[number]): string {
  return 'default' in spec ? `\`${spec.default}\`` : spec.unsetMeans;
}

/** For the scripts: the configuration, or its French message on stderr and exit code 2. */
export function loadConfigOrExit(prefix: string, env: NodeJS.ProcessEnv = process.env): TrameConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`${prefix} ${error.message}`);
    process.exit(error.exitCode);
  }
}
