/**
 * Message formatting through Intl: `{name}` placeholders, and plurals as
 * `{count, plural, one {# desktop} other {# desktops}}` chosen by Intl.PluralRules, with `#`
 * the number formatted by Intl.NumberFormat in the message's language.
 */

export type MessageVars = Readonly<Record<string, string | number>>;

/** `{name, plural, …}` with its nested `{…}` forms (one level deep). */
const PLURAL = /\{(\w+),\s*plural,((?:[^{}]|\{[^{}]*\})*)\}/g;
const FORM = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;
const PLACEHOLDER = /\{(\w+)\}/g;

function pluralForm(forms: string, count: number, locale: string): string {
  const chosen = new Map<string, string>();
  for (const [, selector, text] of forms.matchAll(FORM)) chosen.set(selector!, text!);
  const exact = chosen.get(`=${count}`);
  if (exact !== undefined) return exact;
  return chosen.get(new Intl.PluralRules(locale).select(count)) ?? chosen.get('other') ?? '';
}

export function formatMessage(template: string, vars: MessageVars | undefined, locale: string): string {
  const withPlurals = template.replace(PLURAL, (whole, name: string, forms: string) => {
    const value = vars?.[name];
    if (typeof value !== 'number') return whole;
    return pluralForm(forms, value, locale).replace(/#/g, new Intl.NumberFormat(locale).format(value));
  });
  return withPlurals.replace(PLACEHOLDER, (_, name: string) => {
    const value = vars?.[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? new Intl.NumberFormat(locale).format(value) : value;
  });
}

/** The variables a message uses: its `{name}`s and the subjects of its plurals. */
export function placeholders(template: string): Set<string> {
  const names = new Set<string>();
  const rest = template.replace(PLURAL, (_, name: string, forms: string) => {
    names.add(name);
    for (const [, , text] of forms.matchAll(FORM)) for (const [, inner] of text!.matchAll(PLACEHOLDER)) names.add(inner!);
    return '';
  });
  for (const [, name] of rest.matchAll(PLACEHOLDER)) names.add(name!);
  return names;
}
