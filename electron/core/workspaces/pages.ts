/** Thrown when a NextToken chain runs away: a token came back twice, or there were far too many pages. */
export class PagingError extends Error {
  override readonly name = 'PagingError';
}

/** At most this many DescribeWorkspaces pages of 25 (10,000 desktops for one user). */
export const MAX_DESKTOP_PAGES = 400;
/** At most this many DescribeWorkspaceDirectories pages of 25 (1,000 directories in a Region). */
export const MAX_DIRECTORY_PAGES = 40;

/**
 * Follows one NextToken chain so that a misbehaving endpoint can't keep it going forever: it stops
 * with a PagingError at a repeated token or after `maxPages` pages.
 */
export class PageChain {
  private readonly seen = new Set<string>();
  private pages = 0;

  constructor(
    private readonly what: string,
    private readonly maxPages: number,
  ) {}

  /** After each page: the token of the next page, or undefined when the list is complete. */
  next(token: string | undefined): string | undefined {
    this.pages += 1;
    if (token === undefined || token === '') return undefined;
    if (this.seen.has(token)) {
      throw new PagingError(
        `AWS sent the same page token twice while listing ${this.what}, so Deskbridge stopped after ${this.pages} pages. Try again later; if it keeps happening, tell your IT department.`,
      );
    }
    if (this.pages >= this.maxPages) {
      throw new PagingError(
        `Listing ${this.what} took more than ${this.maxPages} pages, so Deskbridge stopped there. Try again later; if it keeps happening, tell your IT department.`,
      );
    }
    this.seen.add(token);
    return token;
  }
}
