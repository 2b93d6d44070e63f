/**
 * IT's admin commands: `npm run admin -- tag-owners --directory d-… --region … [--dry-run]
 * [--tag-key …] [--endpoint-url …]`. Uses the administrator's own AWS credentials through the
 * SDK's default chain (environment, profile, SSO…): only this tool may; the app never does.
 */
import { WorkSpacesClient } from '@aws-sdk/client-workspaces';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OWNER_TAG_KEY } from '../../shared/iam/kit-policy';
import { describeSummary, tagOwners } from './tag-owners';

export const USAGE = `Usage: npm run admin -- tag-owners --directory <d-…> --region <region> [--dry-run] [--tag-key <key>] [--endpoint-url <url>]

Sets each WorkSpace's owner tag (default ${DEFAULT_OWNER_TAG_KEY}) to its WorkSpaces user name, so the
Deskbridge IT kit's policy lets each user act on their own desktops only. Run it again after
assigning desktops; it changes only what is missing or wrong. Uses your own AWS credentials
(environment variables, AWS_PROFILE, aws sso login…).`;

export class UsageError extends Error {}

export interface TagOwnersArgs {
  readonly directoryId: string;
  readonly region: string;
  readonly dryRun: boolean;
  readonly tagKey: string;
  readonly endpointUrl?: string;
}

const DIRECTORY = /^(d-[0-9a-f]{8,63}|wsd-[0-9a-z]{8,63})$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const TAG_KEY = /^(?!aws:)[A-Za-z0-9_.:/=+@-]{1,127}$/;

export function parseTagOwnersArgs(argv: readonly string[]): TagOwnersArgs {
  const [command, ...rest] = argv;
  if (command !== 'tag-owners')
    throw new UsageError(command === undefined ? 'Name a command: tag-owners.' : `Unknown command “${command}”. The only command is tag-owners.`);
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        directory: { type: 'string' },
        region: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'tag-key': { type: 'string', default: DEFAULT_OWNER_TAG_KEY },
        'endpoint-url': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const directoryId = values.directory ?? '';
  const region = values.region ?? '';
  const tagKey = values['tag-key'];
  if (!DIRECTORY.test(directoryId))
    throw new UsageError(`--directory must be a WorkSpaces directory id like d-1234567890${directoryId === '' ? '' : `, not “${directoryId}”`}.`);
  if (!REGION.test(region)) throw new UsageError(`--region must be an AWS Region like eu-central-1${region === '' ? '' : `, not “${region}”`}.`);
  if (!TAG_KEY.test(tagKey))
    throw new UsageError(`--tag-key “${tagKey}” is not a tag key IAM session tags and WorkSpaces both accept (letters, digits, _ . : / = + @ -; not aws:…).`);
  const endpointUrl = values['endpoint-url'];
  if (endpointUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(endpointUrl))
    throw new UsageError(`--endpoint-url must be an http(s) URL, not “${endpointUrl}”.`);
  return { directoryId, region, dryRun: values['dry-run'], tagKey, ...(endpointUrl === undefined ? {} : { endpointUrl }) };
}

export async function main(argv: readonly string[], out: (line: string) => void): Promise<number> {
  let args: TagOwnersArgs;
  try {
    args = parseTagOwnersArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    out(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const client = new WorkSpacesClient({ region: args.region, maxAttempts: 6, ...(args.endpointUrl === undefined ? {} : { endpoint: args.endpointUrl }) });
  try {
    out(`${args.dryRun ? 'Checking' : 'Tagging'} the WorkSpaces of ${args.directoryId} in ${args.region} with ${args.tagKey} = their user name…`);
    const summary = await tagOwners(client, { directoryId: args.directoryId, tagKey: args.tagKey, dryRun: args.dryRun, report: out });
    out(describeSummary(summary, args.dryRun));
    return summary.failed > 0 ? 1 : 0;
  } catch (error) {
    out(`Could not list the WorkSpaces of ${args.directoryId}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return 1;
  } finally {
    client.destroy();
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
