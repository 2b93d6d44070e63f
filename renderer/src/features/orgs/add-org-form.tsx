import { useMemo, useState, type FormEvent } from 'react';
import { parseRegistrationCode } from '@shared/lib/registration-code';
import type { OrgInput, SignInSettings } from '@shared/models/org';
import { TextField } from '@renderer/components/text-field';
import { type MessageKey, useT } from '@renderer/i18n';
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

type Method = SignInSettings['method'];
type FieldName = keyof typeof EMPTY;

/** The sign-in methods, in the order offered. */
const METHODS: readonly { readonly method: Method; readonly label: MessageKey }[] = [
  { method: 'oidc', label: 'add.oidc' },
  { method: 'identity-center', label: 'add.sso' },
  { method: 'saml', label: 'add.saml' },
  { method: 'broker', label: 'add.broker' },
];

/** One sign-in field: what it shows, which methods ask for it, and where core's refusal of it lands. */
interface SignInField {
  readonly name: FieldName;
  readonly label: MessageKey;
  readonly hint?: MessageKey;
  /** An example value; the same in every language. */
  readonly placeholder?: string;
  /** The path core names when it refuses this field, when it is not `signIn.<name>`. */
  readonly path?: string;
  readonly methods: readonly Method[];
}

const ROLE_ARN_EXAMPLE = 'arn:aws:iam::123456789012:role/WorkSpacesUsers';
const ISSUER_EXAMPLE = 'https://login.example.com';

/** The sign-in fields in the order shown: each method shows its own, in this order. */
const SIGN_IN_FIELDS: readonly SignInField[] = [
  {
    name: 'signInUrl',
    label: 'add.samlSignInUrl',
    hint: 'add.samlSignInUrlHint',
    placeholder: 'https://example.okta.com/home/amazon_aws/0oa…/272',
    methods: ['saml'],
  },
  { name: 'preferredRoleArn', label: 'add.samlRoleArn', placeholder: ROLE_ARN_EXAMPLE, methods: ['saml'] },
  { name: 'userNameAttribute', label: 'add.samlUserNameAttribute', hint: 'add.samlUserNameAttributeHint', methods: ['saml'] },
  { name: 'brokerUrl', label: 'add.brokerUrl', hint: 'add.brokerUrlHint', placeholder: 'https://desktops.example.com', methods: ['broker'] },
  { name: 'issuer', label: 'add.issuer', placeholder: ISSUER_EXAMPLE, methods: ['oidc', 'broker'] },
  { name: 'clientId', label: 'add.clientId', methods: ['oidc', 'broker'] },
  { name: 'roleArn', label: 'add.roleArn', placeholder: ROLE_ARN_EXAMPLE, methods: ['oidc'] },
  { name: 'userNameClaim', label: 'add.userNameClaim', methods: ['oidc', 'broker'] },
  { name: 'startUrl', label: 'add.startUrl', placeholder: 'https://example.awsapps.com/start', methods: ['identity-center'] },
  { name: 'ssoRegion', label: 'add.ssoRegion', placeholder: 'us-east-1', path: 'signIn.region', methods: ['identity-center'] },
  { name: 'accountId', label: 'add.accountId', methods: ['identity-center'] },
  { name: 'roleName', label: 'add.roleName', methods: ['identity-center'] },
];

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
  const [method, setMethod] = useState<Method>('oidc');
  const [f, setF] = useState(EMPTY);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = useMemo(() => parseRegistrationCode(code), [code]);
  const set = (key: FieldName) => (value: string) => setF((current) => ({ ...current, [key]: value }));

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
        {METHODS.map((choice) => (
          <label key={choice.method}>
            <input type="radio" name="method" checked={method === choice.method} onChange={() => setMethod(choice.method)} /> {t(choice.label)}
          </label>
        ))}
      </fieldset>
      {SIGN_IN_FIELDS.filter((field) => field.methods.includes(method)).map((field, position) => (
        // Keyed by position: switching method keeps the inputs in place, as the per-method lists did.
        <TextField
          key={position}
          label={t(field.label)}
          name={field.name}
          value={f[field.name]}
          onChange={set(field.name)}
          error={errors[field.path ?? `signIn.${field.name}`]}
          hint={field.hint ? t(field.hint) : undefined}
          placeholder={field.placeholder}
        />
      ))}
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
