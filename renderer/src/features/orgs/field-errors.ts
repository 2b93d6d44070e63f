/** Core reports invalid fields one per line as "path: message"; the form shows each by its field. */
export function fieldErrors(details: string | undefined): Readonly<Record<string, string>> {
  const errors: Record<string, string> = {};
  for (const line of (details ?? '').split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) errors[line.slice(0, at)] ??= line.slice(at + 2);
  }
  return errors;
}
