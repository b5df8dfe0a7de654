import type { ApiError } from '../api/client.ts';
import type { Messages } from './fr.ts';

/**
 * An access error in words, in the UI's language: the codes a person causes get their own
 * sentence; the others show the server's French message (which names things by their label).
 */
export function accessErrorText(error: ApiError, t: Messages): string {
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      return t.signInInvalidCredentials;
    case 'RATE_LIMITED':
      return t.signInRateLimited;
    case 'INVALID_SIGN_IN_LINK':
      return t.signInLinkInvalid;
    case 'NETWORK':
      return t.errorNetwork.charAt(0).toUpperCase() + t.errorNetwork.slice(1);
    case 'FORBIDDEN':
      return error.message || t.errorForbidden;
    default:
      return error.message;
  }
}

/**
 * The single sign-on's return sends `?erreur=CODE` (api/src/plugins/oidc.ts, docs/API.md): each
 * code in words; an unknown one still shows, by its code.
 */
export function ssoErrorText(code: string, t: Messages): string {
  switch (code) {
    case 'EMAIL_DOMAIN_NOT_ALLOWED':
      return t.ssoErrorUnknownUser;
    case 'OIDC_STATE_MISMATCH':
      return t.ssoErrorState;
    case 'OIDC_FAILED':
      return t.ssoErrorProvider;
    case 'OIDC_EMAIL_NOT_VERIFIED':
      return t.ssoErrorEmailNotVerified;
    case 'FORBIDDEN':
      return t.ssoErrorDisabled;
    case 'SERVICE_UNAVAILABLE':
      return t.ssoErrorUnavailable;
    default:
      return t.ssoError(code);
  }
}
