/**
 * The few fields of API Gateway HTTP API events (payload format 2.0) the broker reads, and the
 * result it returns. Written here rather than pulled from @types/aws-lambda: the broker needs
 * little, and the local adapter (local-server.ts) builds the same shape.
 */
export interface HttpApiEvent {
  readonly version: '2.0';
  readonly routeKey: string;
  readonly rawPath: string;
  readonly rawQueryString?: string;
  /** Lower-case names; repeated headers joined with commas, as API Gateway does. */
  readonly headers?: Readonly<Record<string, string | undefined>>;
  readonly body?: string;
  readonly isBase64Encoded: boolean;
  readonly requestContext: {
    readonly http: { readonly method: string; readonly path: string; readonly sourceIp?: string };
    readonly requestId: string;
    readonly stage: string;
    readonly timeEpoch?: number;
  };
}

export interface HttpApiResult {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly isBase64Encoded?: false;
}
