// A deleted member's row keeps a tombstone username, "deleted-<id>": the hyphen cannot be chosen
// at sign-up, so no live account ever looks like one. Browser-safe: components use it to show
// "Deleted member" in the reader's language and to link nowhere.
export const tombstoneUsername = (userId: number) => `deleted-${userId}`;
export const isDeletedMember = (username: string | null | undefined): boolean =>
  !!username && /^deleted-\d+$/.test(username);
