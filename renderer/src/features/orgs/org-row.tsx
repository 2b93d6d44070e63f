import { useState, type FormEvent } from 'react';
import type { OrgProfile } from '@shared/models/org';
import { Modal } from '@renderer/components/modal';
import { AuthPanel } from '../auth/auth-panel';
import { TextField } from '@renderer/components/text-field';
import { useT } from '@renderer/i18n';
import { errorText } from '@renderer/i18n/error-text';
import { api } from '@renderer/ipc/api';

function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

/** One organization: name, code, region; rename, export and remove unless IT manages it. */
export function OrgRow({ org }: { readonly org: OrgProfile }) {
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(org.name);
  const [error, setError] = useState<string>();
  const [confirmRemove, setConfirmRemove] = useState(false);

  async function rename(event: FormEvent) {
    event.preventDefault();
    const result = await api().orgs.rename(org.id, name.trim());
    if (result.ok) setRenaming(false);
    else setError(errorText(t, result.error));
  }

  async function exportFile() {
    const result = await api().orgs.exportProfile(org.id);
    if (result.ok) download(`${org.name.replace(/[^\w.-]+/g, '-')}.deskbridge.json`, result.value);
  }

  return (
    <li className="org-row" aria-label={org.name}>
      {renaming ? (
        <form onSubmit={(event) => void rename(event)} className="rename">
          <TextField label={t('orgs.newName', { name: org.name })} value={name} onChange={setName} error={error} autoFocus />
          <button type="submit" className="primary">
            {t('orgs.save')}
          </button>
          <button type="button" onClick={() => setRenaming(false)}>
            {t('orgs.cancel')}
          </button>
        </form>
      ) : (
        <>
          <div className="org-summary">
            <h3>{org.name}</h3>
            <p>
              <span className="code">{org.code}</span> · {org.region ?? t('orgs.regionUnknown')}
              {org.badge ? <span className="badge">{org.badge}</span> : null}
              {org.managed ? <span className="badge managed">{t('orgs.managed')}</span> : null}
            </p>
          </div>
          {org.managed ? null : (
            <div className="actions">
              <button type="button" onClick={() => setRenaming(true)} aria-label={`${t('orgs.rename')} ${org.name}`}>
                {t('orgs.rename')}
              </button>
              <button type="button" onClick={() => void exportFile()} aria-label={`${t('orgs.export')} ${org.name}`}>
                {t('orgs.export')}
              </button>
              <button type="button" className="danger" onClick={() => setConfirmRemove(true)} aria-label={`${t('orgs.remove')} ${org.name}`}>
                {t('orgs.remove')}
              </button>
            </div>
          )}
          <AuthPanel org={org} />
        </>
      )}
      {confirmRemove ? (
        <Modal title={t('orgs.removeConfirm.title', { name: org.name })} onClose={() => setConfirmRemove(false)}>
          <p>{t('orgs.removeConfirm.body', { name: org.name })}</p>
          <div className="actions">
            <button type="button" onClick={() => setConfirmRemove(false)}>
              {t('orgs.cancel')}
            </button>
            <button type="button" className="danger" onClick={() => void api().orgs.remove(org.id)}>
              {t('orgs.remove')}
            </button>
          </div>
        </Modal>
      ) : null}
    </li>
  );
}
