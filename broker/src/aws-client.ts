import { WorkSpacesClient } from '@aws-sdk/client-workspaces';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface BrokerAwsClient {
  readonly client: WorkSpacesClient;
  /** Requests sent to AWS so far (each attempt counts). */
  calls(): number;
}

/**
 * WorkSpaces with the broker's execution role: explicit region, endpoint and credentials (never
 * ~/.aws). Every attempt that goes over the wire is counted.
 */
export function createBrokerAwsClient(options: { region: string; endpoint?: string; credentials: AwsCredentials; maxAttempts?: number }): BrokerAwsClient {
  const client = new WorkSpacesClient({
    region: options.region,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    credentials: { ...options.credentials },
    maxAttempts: options.maxAttempts ?? 1,
    requestHandler: { requestTimeout: 20_000, connectionTimeout: 8_000 },
  });
  let calls = 0;
  client.middlewareStack.add(
    (next) => async (args) => {
      calls += 1;
      return next(args);
    },
    { step: 'deserialize', name: 'deskbridgeBrokerCallCounter' },
  );
  return { client, calls: () => calls };
}
