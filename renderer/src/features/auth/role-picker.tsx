import { useId, useState } from 'react';
import type { OrgAuthStatus } from '@shared/ipc/domains/auth';
import { useT } from '@renderer/i18n';
import { api } from '@renderer/ipc/api';

/** arn:aws:iam::123456789012:role/path/Name → the name and the account. */
export function describeRole(roleArn: string): { readonly name: string; readonly account: string } {
  const [, , , , account = '', resource = ''] = roleArn.split(':');
  return { name: resource.split('/').pop() ?? roleArn, account };
}

/** SAML: the identity provider offers several roles; the user picks one (core remembers it for the organization). */
export function RolePicker({ status, orgName }: { readonly status: OrgAuthStatus; readonly orgName: string }) {
  const t = useT();
  const headingId = useId();
  const roles = status.roleChoices ?? [];
  const [chosen, setChosen] = useState(roles[0] ?? '');
  return (
    <form
      className="role-picker"
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        if (chosen) void api().auth.chooseRole(status.orgId, chosen);
      }}
    >
      <h4 id={headingId}>{t('auth.saml.chooseRole', { name: orgName })}</h4>
      <p>{t('auth.saml.chooseRoleBody')}</p>
      <fieldset aria-labelledby={headingId}>
        {roles.map((roleArn) => {
          const role = describeRole(roleArn);
          return (
            <label key={roleArn} className="role-choice">
              <input type="radio" name={`role-${status.orgId}`} value={roleArn} checked={chosen === roleArn} onChange={() => setChosen(roleArn)} />
              <span className="role-name">{role.name}</span> <span className="hint">{t('auth.saml.roleAccount', { account: role.account })}</span>
            </label>
          );
        })}
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={!chosen}>
          {t('auth.saml.useRole')}
        </button>
        <button type="button" onClick={() => void api().auth.cancel(status.orgId)}>
          {t('auth.cancel')}
        </button>
      </div>
    </form>
  );
}
