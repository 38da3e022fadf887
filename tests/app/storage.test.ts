/** Saving edits: a full or disabled storage is reported in words, never swallowed. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadEdit, saveEdit, storageProblem } from '../../src/app/storage.ts';

/** A localStorage whose setItem fails with `error` once `capacity` characters are stored. */
function fakeStorage(capacity: number, error: () => unknown) {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem(k: string, v: string) {
      const used = [...items].reduce((n, [key, value]) => n + (key === k ? 0 : key.length + value.length), 0);
      if (used + k.length + v.length > capacity) throw error();
      items.set(k, v);
    },
    removeItem: (k: string) => items.delete(k),
  };
}

describe('saving an edit', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('stores it and says nothing when there is room', () => {
    vi.stubGlobal('localStorage', fakeStorage(1000, () => new DOMException('full', 'QuotaExceededError')));
    expect(saveEdit('gallium', '{"a":1}')).toBeNull();
    expect(loadEdit('gallium')).toBe('{"a":1}');
  });

  it('says the storage is full when the browser refuses for quota, and keeps the last stored text', () => {
    vi.stubGlobal('localStorage', fakeStorage(100, () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')));
    expect(saveEdit('gallium', '{"a":1}')).toBeNull();
    expect(saveEdit('gallium', `{"a":"${'x'.repeat(200)}"}`)).toContain('storage for the simulator is full');
    expect(loadEdit('gallium')).toBe('{"a":1}');
  });

  it('names the other failures: storage disabled, or refused for another reason', () => {
    expect(storageProblem(new DOMException('denied', 'SecurityError'))).toContain('does not let the page store');
    expect(storageProblem(new ReferenceError('localStorage is not defined'))).toContain('does not let the page store');
    expect(storageProblem({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toContain('full');
    expect(storageProblem(new Error('disk on fire'))).toContain('(disk on fire)');
  });
});
