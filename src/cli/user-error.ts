/** Errors the user can fix (a file, a flag, a scenario): the command line prints the message and exits with status 2. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** A file-system error as a few plain words, for messages about files the user named. */
export function fsReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a file is in the way of a directory';
  return error instanceof Error ? error.message.split('\n')[0] : String(error);
}
