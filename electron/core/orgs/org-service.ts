import { randomUUID } from 'node:crypto';
import { describeIssues, fieldIssues, orgInputSchema, orgNameSchema } from '@shared/lib/org-input';
import { checkOrgTrust, type TrustIssue } from '@shared/lib/org-trust';
import { parseRegistrationCode } from '@shared/lib/registration-code';
import type { OrgsSnapshot } from '@shared/ipc/domains/orgs';
import { fail, failFields, ok, type Result } from '@shared/ipc/result';
import type { ManagedPolicy, OrgInput, OrgPolicy, OrgProfile } from '@shared/models/org';
import type { EventBus } from '../events';
import type { SettingsStore } from '../settings/settings-store';

export type RemovalHook = (org: OrgProfile) => Promise<void>;

function toProfile(input: OrgInput, id: string, managed: boolean, policy: OrgPolicy, badge?: string): OrgProfile {
  const parsed = parseRegistrationCode(input.code);
  const code = parsed.ok ? parsed.code : input.code;
  const region = input.region ?? (parsed.ok ? parsed.region : null);
  return {
    id,
    code,
    name: input.name.trim(),
    region,
    signIn: input.signIn,
    ...(input.directoryId ? { directoryId: input.directoryId } : {}),
    ...(input.endpoints ? { endpoints: input.endpoints } : {}),
    ...(input.defaultConnect ? { defaultConnect: input.defaultConnect } : {}),
    policy,
    managed,
    ...(badge ? { badge } : {}),
  };
}

/** Validates what arrives from the renderer, a link or an import, field by field. */
export function validateOrgInput(raw: unknown): Result<OrgInput> {
  const parsed = orgInputSchema.safeParse(raw);
  if (!parsed.success)
    return failFields('invalid-organization', 'Some details of this organization are not valid.', describeIssues(parsed.error), fieldIssues(parsed.error));
  return ok(parsed.data as OrgInput);
}

function describeTrustIssues(issues: readonly TrustIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n');
}

/** A profile the user's own settings held, removed at start because its addresses are not allowed. */
export interface DroppedProfile {
  readonly name: string;
  readonly code: string;
  readonly details: string;
}

/** Organization profiles: the user's own (in the settings file) plus the managed ones (read-only). */
export class OrgService {
  private readonly removalHooks: RemovalHook[] = [];
  private readonly managed: readonly OrgProfile[];
  private readonly trustedHosts: readonly string[];

  constructor(
    private readonly store: SettingsStore,
    private readonly policy: ManagedPolicy | null,
    private readonly events: EventBus,
  ) {
    this.trustedHosts = policy?.trustedHosts ?? [];
    const allowStay = policy?.allowStaySignedIn ?? true;
    this.managed = (policy?.organizations ?? []).map((entry) =>
      toProfile(
        entry,
        `managed:${entry.code.toLowerCase()}`,
        true,
        {
          allowStaySignedIn: allowStay && (entry.policy?.allowStaySignedIn ?? true),
          ...(entry.policy?.maxSignInHours ? { maxSignInHours: entry.policy.maxSignInHours } : {}),
        },
        entry.badge,
      ),
    );
  }

  onRemove(hook: RemovalHook): void {
    this.removalHooks.push(hook);
  }

  snapshot(): OrgsSnapshot {
    const managedCodes = new Set(this.managed.map((o) => o.code.toLowerCase()));
    const own = this.store.get().organizations.filter((o) => !managedCodes.has(o.code.toLowerCase()));
    return {
      organizations: [...this.managed, ...own],
      canAdd: this.policy?.allowAddOrganizations ?? true,
      canStaySignedIn: this.policy?.allowStaySignedIn ?? true,
    };
  }

  find(id: string): OrgProfile | undefined {
    return this.snapshot().organizations.find((o) => o.id === id);
  }

  /**
   * Checks what the user types, a link or a file supplies: the profile schema, then its addresses
   * against what managed configuration allows (AWS's own endpoints, trusted hosts).
   */
  vet(raw: unknown): Result<OrgInput> {
    const input = validateOrgInput(raw);
    if (!input.ok) return input;
    const issues = checkOrgTrust(input.value, { managed: false, trustedHosts: this.trustedHosts });
    if (issues.length > 0) {
      const fields = issues.map(({ path, reason, params }) => (params === undefined ? { path, reason } : { path, reason, params }));
      return failFields(
        'untrusted-address',
        'This organization uses addresses that only your IT department can set, so it was not added.',
        describeTrustIssues(issues),
        fields,
      );
    }
    return input;
  }

  /**
   * Removes the user's own profiles whose addresses are no longer allowed (imported before these
   * checks existed, or trusted by a configuration IT has since changed), so no sign-in reaches them.
   * Like remove(), the removal hooks run first: whatever a profile kept in the keychain (its
   * remembered sign-in, its VNC passwords) goes with it. Call it once the services that register
   * hooks exist.
   */
  async dropUntrusted(): Promise<readonly DroppedProfile[]> {
    const dropped: DroppedProfile[] = [];
    const gone: OrgProfile[] = [];
    const keep = this.store.get().organizations.filter((org) => {
      const issues = checkOrgTrust(org, { managed: false, trustedHosts: this.trustedHosts });
      if (issues.length > 0) {
        dropped.push({ name: org.name, code: org.code, details: describeTrustIssues(issues) });
        gone.push(org);
      }
      return issues.length === 0;
    });
    for (const org of gone) for (const hook of this.removalHooks) await hook(org);
    if (dropped.length > 0) await this.store.update((s) => ({ ...s, organizations: keep }));
    return dropped;
  }

  /** Null when the managed policy lets the user add organizations, else the refusal. */
  addingForbidden(): Result<never> | null {
    return this.snapshot().canAdd ? null : fail('policy-forbids-adding', 'Your organization’s policy does not allow adding organizations.');
  }

  /** Null when no organization uses the code yet, else the refusal naming the one that does. */
  duplicateOf(code: string): Result<never> | null {
    const parsed = parseRegistrationCode(code);
    const normalised = (parsed.ok ? parsed.code : code).toLowerCase();
    const existing = this.snapshot().organizations.find((o) => o.code.toLowerCase() === normalised);
    return existing
      ? fail('duplicate-organization', `“${existing.name}” already uses the code ${existing.code}.`, undefined, { name: existing.name, code: existing.code })
      : null;
  }

  async add(raw: unknown): Promise<Result<OrgProfile>> {
    const snapshot = this.snapshot();
    const forbidden = this.addingForbidden();
    if (forbidden) return forbidden;
    const input = this.vet(raw);
    if (!input.ok) return input;
    const profile = toProfile(input.value, randomUUID(), false, { allowStaySignedIn: snapshot.canStaySignedIn });
    const duplicate = this.duplicateOf(profile.code);
    if (duplicate) return duplicate;
    await this.store.update((s) => ({ ...s, organizations: [...s.organizations, profile] }));
    this.changed();
    return ok(profile);
  }

  async rename(id: string, name: string): Promise<Result<OrgProfile>> {
    const org = this.find(id);
    if (!org) return fail('unknown-organization', 'This organization no longer exists.');
    if (org.managed) return fail('managed-organization', 'This organization is managed by your IT department and cannot be changed.');
    const parsedName = orgNameSchema.safeParse(name);
    if (!parsedName.success) return fail('invalid-name', 'Enter a name of 1 to 64 characters.', describeIssues(parsedName.error));
    const renamed: OrgProfile = { ...org, name: parsedName.data };
    await this.store.update((s) => ({ ...s, organizations: s.organizations.map((o) => (o.id === id ? renamed : o)) }));
    this.changed();
    return ok(renamed);
  }

  /** SAML: the role the user chose for an organization, when the IdP offers several. */
  samlRole(id: string): string | undefined {
    return this.store.get().preferences.samlRoles?.[id];
  }

  async rememberSamlRole(id: string, roleArn: string): Promise<void> {
    await this.store.update((s) => ({ ...s, preferences: { ...s.preferences, samlRoles: { ...s.preferences.samlRoles, [id]: roleArn } } }));
  }

  async forgetSamlRole(id: string): Promise<void> {
    if (this.samlRole(id) === undefined) return;
    await this.store.update((s) => {
      const { [id]: _gone, ...rest } = s.preferences.samlRoles ?? {};
      return { ...s, preferences: { ...s.preferences, samlRoles: rest } };
    });
  }

  async remove(id: string): Promise<Result<OrgsSnapshot>> {
    const org = this.find(id);
    if (!org) return fail('unknown-organization', 'This organization no longer exists.');
    if (org.managed) return fail('managed-organization', 'This organization is managed by your IT department and cannot be removed.');
    // Sign out and wipe secrets before the profile goes, so nothing is left orphaned.
    for (const hook of this.removalHooks) await hook(org);
    await this.store.update((s) => ({ ...s, organizations: s.organizations.filter((o) => o.id !== id) }));
    return ok(this.changed());
  }

  private changed(): OrgsSnapshot {
    const snapshot = this.snapshot();
    this.events.emit('orgs:changed', snapshot);
    return snapshot;
  }
}
