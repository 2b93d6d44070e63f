/**
 * The few host globals shared/ may use: WHATWG URL exists in every host (Node, Chromium,
 * Electron), but shared/ compiles with neither DOM nor Node types, so it is declared here.
 */
declare class URLSearchParams {
  constructor(init?: string | Readonly<Record<string, string>>);
  get(name: string): string | null;
  has(name: string): boolean;
  toString(): string;
  [Symbol.iterator](): IterableIterator<[string, string]>;
}

declare class URL {
  constructor(url: string, base?: string);
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly origin: string;
  readonly searchParams: URLSearchParams;
  toString(): string;
}
