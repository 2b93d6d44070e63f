/** One problem the security gate found, in a form every check shares. */
export interface Finding {
  readonly check: string;
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export function formatFinding(finding: Finding): string {
  return `${finding.check}  ${finding.file}:${finding.line}  ${finding.message}`;
}
