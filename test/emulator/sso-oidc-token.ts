import { type IdentityCenterState, s256 } from './identity-center-state';
import type { Reply } from './http-server';
import { oidcError, oidcOk } from './sso-oidc-reply';

const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const OP = 'CreateToken';
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** CreateToken for the three grants Deskbridge uses, with the errors the model names. */
export function tokenGrant(body: Record<string, unknown>, state: IdentityCenterState): Reply {
  const grantType = str(body['grantType']);
  const client = state.clients.get(str(body['clientId']) ?? '');
  if (grantType === undefined) return oidcError('InvalidRequestException', 'invalid_request', 'grantType is required', 400, OP);
  if (client === undefined || client.clientSecret !== body['clientSecret']) {
    return oidcError('InvalidClientException', 'invalid_client', 'Invalid client credentials', 401, OP);
  }
  const now = state.clock.now();
  if (client.expiresAt <= now) return oidcError('InvalidClientException', 'invalid_client', 'The client registration has expired', 401, OP);
  if (!client.grantTypes.includes(grantType)) {
    const known = ['authorization_code', 'refresh_token', DEVICE_GRANT].includes(grantType);
    return known
      ? oidcError('UnauthorizedClientException', 'unauthorized_client', `The client is not registered for ${grantType}`, 400, OP)
      : oidcError('UnsupportedGrantTypeException', 'unsupported_grant_type', `Unsupported grant type ${grantType}`, 400, OP);
  }

  if (grantType === 'authorization_code') {
    const code = str(body['code']) ?? '';
    const entry = state.codes.get(code);
    state.codes.delete(code); // one use only
    const verifier = str(body['codeVerifier']);
    if (entry === undefined || entry.clientId !== client.clientId || entry.expiresAt <= now) {
      return oidcError('InvalidGrantException', 'invalid_grant', 'Invalid or expired authorization code', 400, OP);
    }
    if (entry.redirectUri !== str(body['redirectUri'])) return oidcError('InvalidGrantException', 'invalid_grant', 'redirect_uri mismatch', 400, OP);
    if (verifier === undefined || s256(verifier) !== entry.codeChallenge) {
      return oidcError('InvalidGrantException', 'invalid_grant', 'PKCE verification failed', 400, OP);
    }
    return tokens(state, entry.userName, client.clientId, client.grantTypes.includes('refresh_token'));
  }

  if (grantType === DEVICE_GRANT) {
    const device = state.devices.get(str(body['deviceCode']) ?? '');
    if (device === undefined || device.clientId !== client.clientId || device.status === 'used') {
      return oidcError('InvalidGrantException', 'invalid_grant', 'Invalid device code', 400, OP);
    }
    if (device.expiresAt <= now) return oidcError('ExpiredTokenException', 'expired_token', 'The device code has expired', 400, OP);
    if (device.status === 'denied') return oidcError('AccessDeniedException', 'access_denied', 'The user denied the request', 400, OP);
    const tooSoon = device.lastPollAt !== undefined && now - device.lastPollAt < device.intervalSeconds * 1000;
    device.lastPollAt = now;
    if (device.status === 'pending') {
      return tooSoon
        ? oidcError('SlowDownException', 'slow_down', 'Polling too fast', 400, OP)
        : oidcError('AuthorizationPendingException', 'authorization_pending', 'The user has not yet approved the request', 400, OP);
    }
    device.status = 'used';
    return tokens(state, device.userName ?? '', client.clientId, client.grantTypes.includes('refresh_token'));
  }

  const refresh = str(body['refreshToken']) ?? '';
  const entry = state.refreshTokens.get(refresh);
  if (entry === undefined || entry.clientId !== client.clientId) return oidcError('InvalidGrantException', 'invalid_grant', 'Invalid refresh token', 400, OP);
  if (entry.expiresAt <= now) return oidcError('ExpiredTokenException', 'expired_token', 'The refresh token has expired', 400, OP);
  state.refreshTokens.delete(refresh); // rotated, as Identity Center does
  return tokens(state, entry.userName, client.clientId, true);
}

function tokens(state: IdentityCenterState, userName: string, clientId: string, withRefresh: boolean): Reply {
  const issued = state.issueTokens(userName, clientId, withRefresh);
  return oidcOk(OP, {
    accessToken: issued.accessToken,
    tokenType: 'Bearer',
    expiresIn: issued.expiresIn,
    ...(issued.refreshToken === undefined ? {} : { refreshToken: issued.refreshToken }),
  });
}
