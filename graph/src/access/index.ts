// Access control: accounts, credentials, roles, the policy and confidentiality redaction.
export * from './principal.ts';
export * from './policy.ts';
export * from './redaction.ts';
export * from './hidden-entities.ts';
export { SECRET_PREFIXES, secretKind, type SecretKind } from './secrets.ts';
export { PASSWORD_RULES, ARGON2_PARAMS, checkPasswordRules } from './passwords.ts';
export * from './users.ts';
export * from './domains.ts';
export * from './sessions.ts';
export * from './sign-in-links.ts';
export * from './grants.ts';
export * from './api-tokens.ts';
export * from './wall-links.ts';
export * from './resolve.ts';
export * from './resources.ts';
