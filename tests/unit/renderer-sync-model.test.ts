import { describe, expect, it } from 'vitest';
import type { BackupInfo } from '../../db/contract';
import { canRestore, displayValue, formatBytes, hlcDevice, hlcInstant, parseWhole, shortId, summarizeImport } from '../../renderer/features/sync/model';

describe('sync screen model', () => {
  it('formats sizes', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
  });

  it('shows change-log values as a person reads them', () => {
    expect(displayValue('"090-1234-5678"')).toBe('090-1234-5678');
    expect(displayValue('42')).toBe('42');
    expect(displayValue('null')).toBeNull();
    expect(displayValue('""')).toBeNull();
    expect(displayValue(null)).toBeNull();
    expect(displayValue('["meth"]')).toBe('["meth"]');
    expect(displayValue('not json')).toBe('not json');
  });

  it('reads device and time out of an HLC stamp', () => {
    const hlc = '1795651200000-000003-7f6e5d4c-1111-2222-3333-444455556666';
    expect(hlcDevice(hlc)).toBe('7f6e5d4c-1111-2222-3333-444455556666');
    expect(hlcInstant(hlc)).toBe(new Date(1795651200000).toISOString());
    expect(hlcInstant('garbage')).toBeNull();
    expect(hlcDevice('garbage')).toBe('');
    expect(shortId('7f6e5d4c-1111')).toBe('7f6e5d4c');
  });

  it('sums an import run and lists failures, duplicates and skipped older bundles', () => {
    const s = summarizeImport([
      { file: 'a.hogosync', ok: true, applied: 10, conflicts: 1 },
      { file: 'b.hogosync', ok: false, code: 'SYNC_BAD_SIGNATURE', applied: 0, conflicts: 0 },
      { file: 'c.hogosync', ok: true, applied: 0, conflicts: 0, duplicate: true },
      { file: 'd.hogosync', ok: true, applied: 0, conflicts: 0, stale: true },
    ]);
    expect(s).toEqual({
      files: 4,
      applied: 10,
      conflicts: 1,
      duplicates: ['c.hogosync'],
      stale: ['d.hogosync'],
      failures: [{ file: 'b.hogosync', code: 'SYNC_BAD_SIGNATURE' }],
    });
  });

  it('offers restore only for backups not newer than the open schema', () => {
    const b = (schemaVersion: number | null): BackupInfo => ({ name: 'x', kind: 'manual', at: '2026-11-26T00:00:00.000Z', bytes: 1, schemaVersion });
    expect(canRestore(b(9), 10)).toBe(true);
    expect(canRestore(b(10), 10)).toBe(true);
    expect(canRestore(b(11), 10)).toBe(false);
    expect(canRestore(b(null), 10)).toBe(true);
  });

  it('accepts only whole numbers within range', () => {
    expect(parseWhole(' 7 ', 1, 60)).toBe(7);
    expect(parseWhole('0', 1, 60)).toBeNull();
    expect(parseWhole('61', 1, 60)).toBeNull();
    expect(parseWhole('1.5', 1, 60)).toBeNull();
    expect(parseWhole('', 1, 60)).toBeNull();
  });
});
