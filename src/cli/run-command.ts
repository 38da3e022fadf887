/**
 * How every command-line entry ends: its status as the exit code; a user error (UserError) printed as
 * it is with status 2; a failure it reports itself (CommandFailure) with status 1; anything else as one
 * line of "internal error" with status 1, never a stack trace.
 */
import { UserError } from './user-error.ts';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USER = 2;

/** A failure that is neither the user's input nor a bug (a distributed run that timed out): its message, status 1. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
}

/** Runs a command's main on argv (without node and the script) and sets the process's exit code from it. */
export function runCommand(main: (argv: readonly string[]) => Promise<number>): void {
  // A reader that stops early (`| head`) closes stdout; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      if (error instanceof UserError) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = EXIT_USER;
      } else if (error instanceof CommandFailure) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = EXIT_INTERNAL;
      } else {
        process.stderr.write(`internal error: ${oneLine(error)}\n`);
        process.exitCode = EXIT_INTERNAL;
      }
    },
  );
}

/** One line for an internal error: the message without the stack. */
function oneLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0];
}
