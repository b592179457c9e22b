/**
 * Every failure that can reach a person carries a stable code. The renderer turns the code into a
 * Japanese or English sentence (renderer/i18n); `message` is an English fallback for logs and tests
 * and never contains personal data.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN_SENDER',
  'NOT_UNLOCKED',
  'FORBIDDEN',
  'OFFICE_EXISTS',
  'NO_OFFICE',
  'WRONG_PASSPHRASE',
  'WRONG_RECOVERY_CODE',
  'LOCKED_OUT',
  'USER_DISABLED',
  'WEAK_PASSPHRASE',
  'LOGIN_TAKEN',
  'NOT_FOUND',
  'LAST_ADMIN',
  'DB_MISSING',
  'DB_WRONG_KEY',
  'DB_CORRUPT',
  'DB_PLAINTEXT',
  'DB_TOO_NEW',
  'SLOTS_MISSING',
  'SLOTS_MALFORMED',
  // Validation of domain input; details.field names the field the form should point at.
  'VALIDATION',
  'END_BEFORE_START',
  'DATE_IN_FUTURE',
  'DUPLICATE',
  'INVALID_STATE',
  'OVERLAP',
  'OVER_CAPACITY',
  // Sync (db/sync): each way a bundle or enrolment file can be refused has its own code.
  'SYNC_NO_FOLDER',
  'SYNC_NOT_ENROLLED',
  'SYNC_WRONG_ROLE',
  'SYNC_ENROL_MALFORMED',
  'SYNC_ENROL_BAD_SIGNATURE',
  'SYNC_ENROL_WRONG_OFFICE',
  'SYNC_ALREADY_ENROLLED',
  'SYNC_TOO_LARGE',
  'SYNC_NOT_BUNDLE',
  'SYNC_FORMAT_UNSUPPORTED',
  'SYNC_TRUNCATED',
  'SYNC_HEADER_MALFORMED',
  'SYNC_WRONG_OFFICE',
  'SYNC_UNKNOWN_SENDER',
  'SYNC_SENDER_REVOKED',
  'SYNC_BAD_SIGNATURE',
  'SYNC_NOT_FOR_US',
  'SYNC_DECRYPT_FAILED',
  'SYNC_PAYLOAD_TOO_LARGE',
  'SYNC_PAYLOAD_MALFORMED',
  'SYNC_SCHEMA_NEWER',
  'SYNC_CLOCK_AHEAD',
  // The import worker thread (db/sync/import-worker.ts): it crashed, or lock/restore/quit stopped it.
  'SYNC_IMPORT_FAILED',
  'SYNC_IMPORT_STOPPED',
  // Backup and restore (db/backup.ts): why a backup was not made or not restored.
  'BACKUP_UNREADABLE',
  'BACKUP_DAMAGED',
  'BACKUP_TOO_NEW',
  'BACKUP_OTHER_OFFICE',
  'BACKUP_AUDIT_BROKEN',
  'BACKUP_WRITE_FAILED',
  // Reports: the worker thread computing a report stopped (the next request starts a new one).
  'REPORT_WORKER_FAILED',
  // A save met the sync import worker's write transaction (at once, or after busy_timeout): retry.
  'DB_BUSY',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string | number | boolean | null>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
