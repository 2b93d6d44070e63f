import { createServer, type Server } from 'node:http';
import { exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT } from 'jose';

/**
 * A second OpenID issuer on 127.0.0.1 whose signing key the test holds, to mint the tokens a real
 * IdP never issues (wrong issuer or audience, HS256 with the public key) with a valid signature.
 */
export interface TestIssuer {
  readonly issuer: string;
  /** A token signed with the issuer's published key; claims override the defaults. */
  mint(claims: Record<string, unknown>, options?: { expiresIn?: string }): Promise<string>;
  /** A token signed with another key under the issuer's key id (a forgery). */
  forge(claims: Record<string, unknown>): Promise<string>;
  /** The published public key as PEM (what an HS256 confusion attack uses as the secret). */
  readonly publicPem: string;
  stop(): Promise<void>;
}

export async function startTestIssuer(audience: string): Promise<TestIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const rogue = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-1', alg: 'RS256', use: 'sig' };
  const publicPem = await exportSPKI(publicKey);
  let issuer = '';
  const server: Server = createServer((req, res) => {
    if (req.url === '/.well-known/openid-configuration') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
    } else if (req.url === '/jwks') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [publicJwk] }));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  issuer = `http://127.0.0.1:${address.port}`;
  const sign = (key: CryptoKey, claims: Record<string, unknown>, expiresIn = '1h'): Promise<string> =>
    new SignJWT({ preferred_username: 'alice', ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-1' })
      .setIssuer(typeof claims['iss'] === 'string' ? claims['iss'] : issuer)
      .setAudience(typeof claims['aud'] === 'string' ? claims['aud'] : audience)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(key);
  return {
    issuer,
    publicPem,
    mint: (claims, options = {}) => sign(privateKey, claims, options.expiresIn),
    forge: (claims) => sign(rogue.privateKey, claims),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
