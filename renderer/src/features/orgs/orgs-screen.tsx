import { useState, type ChangeEvent } from 'react';
import type { OrgsSnapshot } from '@shared/ipc/domains/orgs';
import { useT } from '@renderer/i18n';
import { api } from '@renderer/ipc/api';
import { AddOrgForm } from './add-org-form';
import { OrgRow } from './org-row';
import { orgFailureText } from './field-errors';

/** Organization files are a few hundred bytes; core refuses anything over 64 KiB. */
const MAX_PROFILE_FILE_BYTES = 64 * 1024;

/** "Import from file": reads a small organization file and hands it to core, which asks for confirmation. */
function ImportButton({ onError }: { readonly onError: (message: string | undefined) => void }) {
  const t = useT();
  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_PROFILE_FILE_BYTES) {
      onError(t('orgs.importTooLarge'));
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      onError(t('orgs.importUnreadable'));
      return;
    }
    const result = await api().orgs.importProfile(text);
    onError(result.ok ? undefined : orgFailureText(t, result.error));
  }
  return (
    <label className="file-button">
      {t('orgs.import')}
      <input type="file" accept=".json,application/json" onChange={(event) => void importFile(event)} />
    </label>
  );
}

function ImportError({ message }: { readonly message: string | undefined }) {
  return message ? (
    <p className="error" role="alert">
      {message}
    </p>
  ) : null;
}

/** The organizations: first-run "Add your organization", else the list with add and import. */
export function OrgsScreen({ snapshot }: { readonly snapshot: OrgsSnapshot }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [importError, setImportError] = useState<string>();

  if (snapshot.organizations.length === 0) {
    return (
      <section className="first-run" aria-labelledby="first-run-title">
        <h2 id="first-run-title">{t('orgs.empty.title')}</h2>
        {snapshot.canAdd ? (
          <>
            <p>{t('orgs.empty.body')}</p>
            <AddOrgForm onDone={() => setAdding(false)} />
            <div className="actions">
              <ImportButton onError={setImportError} />
            </div>
            <ImportError message={importError} />
          </>
        ) : (
          <p>{t('orgs.addForbidden')}</p>
        )}
      </section>
    );
  }
  return (
    <section className="orgs" aria-labelledby="orgs-title">
      <div className="section-head">
        <h2 id="orgs-title">{t('orgs.heading')}</h2>
        {snapshot.canAdd && !adding ? (
          <div className="actions">
            <button type="button" onClick={() => setAdding(true)}>
              {t('orgs.add')}
            </button>
            <ImportButton onError={setImportError} />
          </div>
        ) : null}
      </div>
      <ImportError message={importError} />
      {adding ? <AddOrgForm onDone={() => setAdding(false)} onCancel={() => setAdding(false)} /> : null}
      <ul className="org-list">
        {snapshot.organizations.map((org) => (
          <OrgRow key={org.id} org={org} />
        ))}
      </ul>
    </section>
  );
}
