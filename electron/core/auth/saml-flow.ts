import type { OrgProfile, SamlSignIn } from '@shared/models/org';
import type { NetworkFetch } from '../network/port';
import type { Clock } from '../ports';
import type { RememberedSecrets } from '../vault/sign-in-vault';
import { AuthError } from './auth-error';
import type { Grant } from './grants';
import type { SamlCapture } from './saml-capture';
import { parseSamlResponse, pickRole, type SamlAssertion, type SamlRole, samlUserName } from './saml-response';
import { assumeRoleWithSaml } from './saml-sts';
import { staleSignInRefusal } from './sign-in-age';
import type { Attempt, FlowContext, SignedIn } from './sign-in-flows';
import type { TemporaryCredentials } from './sts';

export type SamlOrg = OrgProfile & { readonly signIn: SamlSignIn };

export function isSamlOrg(org: OrgProfile): org is SamlOrg {
  return org.signIn.method === 'saml';
}

/** What the SAML flow needs from the auth service: the capture, the remembered role, the picker. */
export interface SamlFlowDeps {
  readonly capture: SamlCapture;
  /** The role the user chose before for this organization (kept in the settings file). */
  remembered(): string | undefined;
  remember(roleArn: string): Promise<void>;
  /** Shows the role picker; resolves with the chosen role ARN (one of those offered). */
  choose(roles: readonly SamlRole[]): Promise<string>;
}

/** The assertion must still be valid here; AWS checks again, but this explains it first. */
function checkFresh(assertion: SamlAssertion, now: number): void {
  if (assertion.notOnOrAfter !== null && assertion.notOnOrAfter <= now) {
    throw new AuthError(
      'saml-assertion-expired',
      'The sign-in from your identity provider had already expired. Sign in again; if this repeats, check this computer’s clock.',
      `The assertion was valid until ${new Date(assertion.notOnOrAfter).toISOString()}; this computer’s time is ${new Date(now).toISOString()}.`,
    );
  }
}

/**
 * A SAML sign-in kept alive in memory: SAML has no refresh token, so each renewal runs the IdP
 * again, hidden. While the IdP's session lives (in the sign-in window's in-memory partition) it
 * completes with no prompt; otherwise the window shows itself and the user signs in.
 *
 * OrgPolicy.maxSignInHours (sign-in-age.ts) dates the sign-in by the assertion's AuthnInstant,
 * which a reused IdP session repeats; when an IdP sends none, by the interactive sign-in. Past
 * the limit no hidden capture runs: the keeper refuses (sign-in-too-old) and revoke() wipes the
 * IdP session, so the next sign-in must authenticate (IdP-initiated SAML has no ForceAuthn).
 */
export class SamlGrant implements Grant {
  readonly method = 'saml' as const;
  private pending: string | null;
  private renewal: AbortController | null = null;
  private disposed = false;

  constructor(
    private readonly org: SamlOrg,
    private readonly capture: SamlCapture,
    private readonly clock: Clock,
    private readonly requestTimeoutMs: number,
    private readonly fetch: NetworkFetch,
    private readonly role: SamlRole,
    samlResponse: string,
    public userName: string,
    /** When the user authenticated at the IdP, epoch ms: renewals move it to each assertion's AuthnInstant. */
    public authenticatedAt: number,
  ) {
    this.pending = samlResponse;
  }

  get roleArn(): string {
    return this.role.roleArn;
  }

  async renew(): Promise<TemporaryCredentials> {
    if (this.disposed) throw new AuthError('not-signed-in', 'Sign in to this organization first.');
    const samlResponse = this.pending ?? (await this.again());
    this.pending = null;
    const assertion = parseSamlResponse(samlResponse);
    checkFresh(assertion, this.clock.now());
    // A hidden capture that had to show the window (the IdP session had ended) dates a new authentication.
    this.authenticatedAt = assertion.authnInstant ?? this.authenticatedAt;
    const role = assertion.roles.find((offered) => offered.roleArn === this.role.roleArn);
    if (!role) {
      throw new AuthError(
        'saml-role-not-offered',
        `Your identity provider no longer offers you the role ${this.role.roleArn}. Sign in again to choose another.`,
        `Roles offered: ${assertion.roles.map((r) => r.roleArn).join(', ') || 'none'}`,
      );
    }
    return assumeRoleWithSaml(this.org, role, samlResponse, this.requestTimeoutMs, this.fetch);
  }

  private async again(): Promise<string> {
    this.renewal = new AbortController();
    try {
      return await this.capture.capture(
        { orgId: this.org.id, orgName: this.org.name, signInUrl: this.org.signIn.signInUrl, hidden: true },
        this.renewal.signal,
      );
    } finally {
      this.renewal = null;
    }
  }

  /** Nothing is kept: "stay signed in" is not offered for SAML. */
  secrets(): RememberedSecrets | null {
    return null;
  }

  async revoke(): Promise<void> {
    this.dispose();
    await this.capture.forget(this.org.id);
  }

  dispose(): void {
    this.disposed = true;
    this.pending = null;
    this.renewal?.abort();
    void this.capture.forget(this.org.id).catch(() => undefined);
  }
}

/** SAML: the IdP in the sign-in window (or the loopback ACS), the role, then AssumeRoleWithSAML. */
export async function signInWithSaml(ctx: FlowContext, org: SamlOrg, attempt: Attempt, deps: SamlFlowDeps): Promise<SignedIn> {
  const controller = new AbortController();
  attempt.onCancel(() => controller.abort());
  ctx.progress('browser');
  const startedAt = ctx.clock.now();
  const samlResponse = await attempt.race(
    deps.capture.capture({ orgId: org.id, orgName: org.name, signInUrl: org.signIn.signInUrl, hidden: false }, controller.signal),
  );
  const assertion = parseSamlResponse(samlResponse);
  checkFresh(assertion, ctx.clock.now());
  let role = pickRole(assertion, org.signIn.preferredRoleArn, deps.remembered());
  if (role === null) {
    const chosen = await attempt.race(deps.choose(assertion.roles));
    role = assertion.roles.find((offered) => offered.roleArn === chosen) ?? null;
    if (role === null)
      throw new AuthError('saml-role-not-offered', 'The chosen role is not among the roles your identity provider offers you.', `Chosen: ${chosen}`);
    await deps.remember(role.roleArn);
    checkFresh(assertion, ctx.clock.now());
  }
  const grant = new SamlGrant(
    org,
    deps.capture,
    ctx.clock,
    ctx.requestTimeoutMs,
    ctx.fetch,
    role,
    samlResponse,
    samlUserName(assertion, org.signIn.userNameAttribute),
    // No AuthnInstant (the SAML profile requires one): the user was at the IdP from this sign-in's start.
    assertion.authnInstant ?? startedAt,
  );
  // The IdP reused a session older than the organization allows (the system browser keeps its own).
  const refusal = staleSignInRefusal(grant, org.policy, ctx.clock.now());
  if (refusal) {
    await grant.revoke().catch(() => grant.dispose());
    throw refusal;
  }
  try {
    return { grant, credentials: await attempt.race(grant.renew()) };
  } catch (error) {
    grant.dispose();
    throw error;
  }
}
