/**
 * What the inbox remembers while the app is open, so going back from a case lands on the same filtered view
 * with the same row focused (the list page is rebuilt on every visit).
 */
export const inboxMemory = {
  /** The inbox URL query last shown ('' for the default view). */
  search: '',
  /** The case last focused or opened from the inbox. */
  focusedId: null as string | null,
};

/** The inbox address with the filters last used. */
export const inboxHref = (): string => `/cases${inboxMemory.search}`;
