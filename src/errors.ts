/**
 * Errors that reach a user as one line. The CLI prints `message` alone
 * (never a stack trace) and exits with `exitCode`.
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = "UserError";
    this.exitCode = exitCode;
  }
}

/** A malformed input file: printed as `FILE:LINE: reason`, exit code 2. */
export class FileLineError extends UserError {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`, 2);
    this.name = "FileLineError";
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}
