import { timingSafeEqual } from 'node:crypto';

/** A secret token compared in constant time (for equal lengths): a wrong guess teaches nothing by timing. */
export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
