/** WorkSpaces site codes (the 3 letters in a registration code) and the AWS Regions they stand for. */
export const SITE_REGIONS: Readonly<Record<string, string>> = {
  iad: 'us-east-1',
  pdx: 'us-west-2',
  bom: 'ap-south-1',
  icn: 'ap-northeast-2',
  sin: 'ap-southeast-1',
  syd: 'ap-southeast-2',
  nrt: 'ap-northeast-1',
  yul: 'ca-central-1',
  fra: 'eu-central-1',
  dub: 'eu-west-1',
  lhr: 'eu-west-2',
  cdg: 'eu-west-3',
  gru: 'sa-east-1',
  cpt: 'af-south-1',
  tlv: 'il-central-1',
  pdt: 'us-gov-west-1',
  osu: 'us-gov-east-1',
};

const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;

/** A syntactically valid AWS Region name (the region list grows, so no fixed list). */
export function isRegionName(value: string): boolean {
  return value.length <= 32 && REGION_PATTERN.test(value);
}

export function regionForSite(site: string): string | null {
  return SITE_REGIONS[site.toLowerCase()] ?? null;
}
