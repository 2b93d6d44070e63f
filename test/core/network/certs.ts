/** Test certificate authorities made with openssl at test time (never checked in). */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestCa {
  readonly name: string;
  readonly certFile: string;
  readonly cert: string;
  /** A leaf certificate for `host` (a name or an IP), signed by this CA. */
  leaf(host: string): Promise<{ key: string; cert: string }>;
  remove(): Promise<void>;
}

export async function makeCa(name: string): Promise<TestCa> {
  const dir = await mkdtemp(join(tmpdir(), 'deskbridge-ca-'));
  const key = join(dir, 'ca.key');
  const certFile = join(dir, 'ca.pem');
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    certFile,
    '-days',
    '2',
    '-subj',
    `/CN=${name}/O=${name} Org`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  const cert = await readFile(certFile, 'utf8');
  const leaves = new Map<string, Promise<{ key: string; cert: string }>>();
  let serial = 1;
  const makeLeaf = async (host: string): Promise<{ key: string; cert: string }> => {
    const id = serial++;
    const leafKey = join(dir, `leaf${id}.key`);
    const csr = join(dir, `leaf${id}.csr`);
    const leafCert = join(dir, `leaf${id}.pem`);
    const ext = join(dir, `leaf${id}.ext`);
    const san = /^[\d.]+$/.test(host) || host.includes(':') ? `IP:${host}` : `DNS:${host}`;
    await writeFile(ext, `subjectAltName=${san}\nextendedKeyUsage=serverAuth\n`);
    await run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', leafKey, '-out', csr, '-subj', `/CN=${host}`]);
    await run('openssl', [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      certFile,
      '-CAkey',
      key,
      '-set_serial',
      String(1000 + id),
      '-out',
      leafCert,
      '-days',
      '2',
      '-extfile',
      ext,
    ]);
    return { key: await readFile(leafKey, 'utf8'), cert: await readFile(leafCert, 'utf8') };
  };
  return {
    name,
    certFile,
    cert,
    leaf: (host) => {
      let leaf = leaves.get(host);
      if (!leaf) {
        leaf = makeLeaf(host);
        leaves.set(host, leaf);
      }
      return leaf;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
