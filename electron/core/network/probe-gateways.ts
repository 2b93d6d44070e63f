/**
 * Where WorkSpaces streams from, per Region: the one table the network check probes (issue 13).
 *
 * Source: AWS, "IP address and port requirements for WorkSpaces Personal", sections "Ports for
 * client applications", "Health check servers", "PCoIP gateway servers" and "DCV gateway servers":
 * https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html
 *
 * AWS publishes the PCoIP and DCV (WSP) streaming gateways per Region only as IP address ranges
 * (and DCV gateway domains only as wildcards, *.prod.<region>.highlander.aws.a2z.com), not as
 * host names one could connect to. What it does publish per Region by host name are the health
 * check servers, which the WorkSpaces clients contact over the same streaming ports, TCP 4172
 * (PCoIP) and 4195 (DCV/WSP); 443 is the port for registration, authentication and DCV over
 * HTTPS. So the check connects to the Region's health check host on TCP 443, 4172 and 4195. UDP
 * (also used for streaming) cannot be probed without a listening peer and is not checked.
 */

/** TCP ports AWS documents for WorkSpaces clients: 443 (HTTPS), 4172 (PCoIP), 4195 (DCV/WSP). */
export const STREAMING_PORTS = [443, 4172, 4195] as const;

export const GATEWAY_SOURCE = 'https://docs.aws.amazon.com/workspaces/latest/adminguide/workspaces-port-requirements.html';

/** The Region's IPv4 health check host name, as AWS lists it. */
export const HEALTH_CHECK_HOSTS: Readonly<Record<string, string>> = {
  'us-east-1': 'drp-iad.amazonworkspaces.com',
  'us-west-2': 'drp-pdx.amazonworkspaces.com',
  'ap-south-1': 'drp-bom.amazonworkspaces.com',
  'ap-northeast-2': 'drp-icn.amazonworkspaces.com',
  'ap-southeast-1': 'drp-sin.amazonworkspaces.com',
  'ap-southeast-2': 'drp-syd.amazonworkspaces.com',
  'ap-northeast-1': 'drp-nrt.amazonworkspaces.com',
  'ca-central-1': 'drp-yul.amazonworkspaces.com',
  'eu-central-1': 'drp-fra.amazonworkspaces.com',
  'eu-west-1': 'drp-dub.amazonworkspaces.com',
  'eu-west-2': 'drp-lhr.amazonworkspaces.com',
  'eu-west-3': 'drp-cdg.amazonworkspaces.com',
  'sa-east-1': 'drp-gru.amazonworkspaces.com',
  'af-south-1': 'drp-cpt.amazonworkspaces.com',
  'il-central-1': 'drp-tlv.amazonworkspaces.com',
  'us-gov-west-1': 'drp-pdt.amazonworkspaces.com',
  'us-gov-east-1': 'drp-osu.amazonworkspaces.com',
};

export interface StreamingGateway {
  readonly host: string;
  readonly port: number;
}

/** Looks up the gateways to probe for a Region; an empty list when AWS lists none for it. */
export type GatewayTable = (region: string) => readonly StreamingGateway[];

export const awsStreamingGateways: GatewayTable = (region) => {
  const host = HEALTH_CHECK_HOSTS[region];
  return host === undefined ? [] : STREAMING_PORTS.map((port) => ({ host, port }));
};
