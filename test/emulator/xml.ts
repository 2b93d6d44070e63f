/** Minimal XML writing for the STS query protocol. */
export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export type XmlValue = string | number | { readonly [name: string]: XmlValue | undefined };

export function toXml(name: string, value: XmlValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return `<${name}>${escapeXml(String(value))}</${name}>`;
  const inner = Object.entries(value)
    .map(([child, v]) => toXml(child, v))
    .join('');
  return `<${name}>${inner}</${name}>`;
}
