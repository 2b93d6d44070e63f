import { useMemo, useState, type FormEvent } from 'react';
import { parseRegistrationCode } from '@shared/lib/registration-code';
import type { OrgInput, SignInSettings } from '@shared/models/org';
import { TextField } from '@renderer/components/text-field';
import { useT } from '@renderer/i18n';
import { errorText } from '@renderer/i18n/error-text';
import { api } from '@renderer/ipc/api';
import { fieldErrors, fieldReasonText } from './field-errors';

interface Props {
  readonly onDone: () => void;
  readonly onCancel?: () => void;
}

const EMPTY = {
  issuer: '',
  clientId: '',
  roleArn: '',
  userNameClaim: 'preferred_username',
  startUrl: '',
  ssoRegion: '',
  accountId: '',
  roleName: '',
  signInUrl: '',
  preferredRoleArn: '',
  userNameAttribute: '',
  brokerUrl: '',
};

/** SAML settings from the form: the optional fields only when filled in. */
function samlSettings(f: typeof EMPTY): SignInSettings {
  const role = f.preferredRoleArn.trim();
  const attribute = f.userNameAttribute.trim();
  return { method: 'saml', signInUrl: f.signInUrl.trim(), ...(role ? { preferredRoleArn: role } : {}), ...(attribute ? { userNameAttribute: attribute } : {}) };
}

/** "Add your organization": the code validated as it is typed, then the sign-in settings. */
export function AddOrgForm({ onDone, onCancel }: Props) {
  const t = useT();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [region, setRegion] = useState('');
  const [method, setMethod] = useState<SignInSettings['method']>('oidc');
  const [f, setF] = useState(EMPTY);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = useMemo(() => parseRegistrationCode(code), [code]);
  const set = (key: keyof typeof EMPTY) => (value: string) => setF((current) => ({ ...current, [key]: value }));

  const codeHint = !code.trim()
    ? t('add.codeHint')
    : parsed.ok
      ? parsed.region
        ? t('add.codeRegion', { region: parsed.region })
        : t('add.codeNeedsRegion')
      : undefined;
  const codeError = code.trim() && !parsed.ok ? fieldReasonText(t, parsed.field) : errors.code;
  const needsRegion = parsed.ok && !parsed.region;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const signIn: SignInSettings =
      method === 'saml'
        ? samlSettings(f)
        : method === 'oidc'
          ? { method, issuer: f.issuer.trim(), clientId: f.clientId.trim(), roleArn: f.roleArn.trim(), userNameClaim: f.userNameClaim.trim() }
          : method === 'broker'
            ? { method, brokerUrl: f.brokerUrl.trim(), issuer: f.issuer.trim(), clientId: f.clientId.trim(), userNameClaim: f.userNameClaim.trim() }
            : {
                method: 'identity-center',
                startUrl: f.startUrl.trim(),
                region: f.ssoRegion.trim(),
                accountId: f.accountId.trim(),
                roleName: f.roleName.trim(),
              };
    const input: OrgInput = {
      code: code.trim(),
      name: name.trim() || (parsed.ok ? parsed.code : code.trim()),
      signIn,
      ...(region.trim() ? { region: region.trim() } : {}),
    };
    const result = await api().orgs.add(input);
    setBusy(false);
    if (result.ok) return onDone();
    setErrors(fieldErrors(t, result.error.fields));
    setFailure(errorText(t, result.error));
  }

  return (
    <form className="add-org" onSubmit={(event) => void submit(event)} aria-label={t('add.submit')}>
      <TextField label={t('add.code')} name="code" value={code} onChange={setCode} hint={codeHint} error={codeError} autoFocus />
      <TextField label={t('add.name')} name="name" value={name} onChange={setName} error={errors.name} />
      {needsRegion || errors.region ? (
        <TextField label={t('add.region')} name="region" value={region} onChange={setRegion} error={errors.region} placeholder="us-east-1" />
      ) : null}
      <fieldset>
        <legend>{t('add.method')}</legend>
        <label>
          <input type="radio" name="method" checked={method === 'oidc'} onChange={() => setMethod('oidc')} /> {t('add.oidc')}
        </label>
        <label>
          <input type="radio" name="method" checked={method === 'identity-center'} onChange={() => setMethod('identity-center')} /> {t('add.sso')}
        </label>
        <label>
          <input type="radio" name="method" checked={method === 'saml'} onChange={() => setMethod('saml')} /> {t('add.saml')}
        </label>
        <label>
          <input type="radio" name="method" checked={method === 'broker'} onChange={() => setMethod('broker')} /> {t('add.broker')}
        </label>
      </fieldset>
      {method === 'saml' ? (
        <>
          <TextField
            label={t('add.samlSignInUrl')}
            name="signInUrl"
            value={f.signInUrl}
            onChange={set('signInUrl')}
            error={errors['signIn.signInUrl']}
            hint={t('add.samlSignInUrlHint')}
            placeholder="https://example.okta.com/home/amazon_aws/0oa…/272"
          />
          <TextField
            label={t('add.samlRoleArn')}
            name="preferredRoleArn"
            value={f.preferredRoleArn}
            onChange={set('preferredRoleArn')}
            error={errors['signIn.preferredRoleArn']}
            placeholder="arn:aws:iam::123456789012:role/WorkSpacesUsers"
          />
          <TextField
            label={t('add.samlUserNameAttribute')}
            name="userNameAttribute"
            value={f.userNameAttribute}
            onChange={set('userNameAttribute')}
            error={errors['signIn.userNameAttribute']}
            hint={t('add.samlUserNameAttributeHint')}
          />
        </>
      ) : method === 'broker' ? (
        <>
          <TextField
            label={t('add.brokerUrl')}
            name="brokerUrl"
            value={f.brokerUrl}
            onChange={set('brokerUrl')}
            error={errors['signIn.brokerUrl']}
            hint={t('add.brokerUrlHint')}
            placeholder="https://desktops.example.com"
          />
          <TextField
            label={t('add.issuer')}
            name="issuer"
            value={f.issuer}
            onChange={set('issuer')}
            error={errors['signIn.issuer']}
            placeholder="https://login.example.com"
          />
          <TextField label={t('add.clientId')} name="clientId" value={f.clientId} onChange={set('clientId')} error={errors['signIn.clientId']} />
          <TextField
            label={t('add.userNameClaim')}
            name="userNameClaim"
            value={f.userNameClaim}
            onChange={set('userNameClaim')}
            error={errors['signIn.userNameClaim']}
          />
        </>
      ) : method === 'oidc' ? (
        <>
          <TextField
            label={t('add.issuer')}
            name="issuer"
            value={f.issuer}
            onChange={set('issuer')}
            error={errors['signIn.issuer']}
            placeholder="https://login.example.com"
          />
          <TextField label={t('add.clientId')} name="clientId" value={f.clientId} onChange={set('clientId')} error={errors['signIn.clientId']} />
          <TextField
            label={t('add.roleArn')}
            name="roleArn"
            value={f.roleArn}
            onChange={set('roleArn')}
            error={errors['signIn.roleArn']}
            placeholder="arn:aws:iam::123456789012:role/WorkSpacesUsers"
          />
          <TextField
            label={t('add.userNameClaim')}
            name="userNameClaim"
            value={f.userNameClaim}
            onChange={set('userNameClaim')}
            error={errors['signIn.userNameClaim']}
          />
        </>
      ) : (
        <>
          <TextField
            label={t('add.startUrl')}
            name="startUrl"
            value={f.startUrl}
            onChange={set('startUrl')}
            error={errors['signIn.startUrl']}
            placeholder="https://example.awsapps.com/start"
          />
          <TextField
            label={t('add.ssoRegion')}
            name="ssoRegion"
            value={f.ssoRegion}
            onChange={set('ssoRegion')}
            error={errors['signIn.region']}
            placeholder="us-east-1"
          />
          <TextField label={t('add.accountId')} name="accountId" value={f.accountId} onChange={set('accountId')} error={errors['signIn.accountId']} />
          <TextField label={t('add.roleName')} name="roleName" value={f.roleName} onChange={set('roleName')} error={errors['signIn.roleName']} />
        </>
      )}
      {failure ? (
        <p className="error" role="alert">
          {t('add.failed')} {failure}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('add.submit')}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('add.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
