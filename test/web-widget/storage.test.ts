import { localValue, UnsentStore } from '../../web-widget/storage';

/** A Map behind the Storage interface, optionally throwing like a blocked localStorage. */
function memoryStorage(blocked = false): Storage {
  const data = new Map<string, string>();
  const guard = (): void => {
    if (blocked) throw new Error('SecurityError: storage is disabled');
  };
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    key: (index) => [...data.keys()][index] ?? null,
    getItem: (key) => (guard(), data.get(key) ?? null),
    setItem: (key, value) => (guard(), void data.set(key, value)),
    removeItem: (key) => (guard(), void data.delete(key)),
  };
}

describe('localValue', () => {
  it('keeps a value in storage and removes it on undefined', () => {
    const storage = memoryStorage();
    const value = localValue('k', () => storage);
    value.set('session-1');
    expect(storage.getItem('k')).toBe('session-1');
    expect(localValue('k', () => storage).get()).toBe('session-1');
    value.set(undefined);
    expect(storage.getItem('k')).toBeNull();
  });

  it('falls back to memory when storage throws', () => {
    const value = localValue('k', () => memoryStorage(true));
    expect(value.get()).toBeUndefined();
    value.set('session-1');
    expect(value.get()).toBe('session-1');
  });
});

describe('UnsentStore', () => {
  const message = { clientId: 'c1', text: 'hello', createdAt: '2026-01-01T00:00:00Z', status: 'pending' as const };

  it('round-trips unsent messages and clears the key when none are left', () => {
    const storage = memoryStorage();
    const store = new UnsentStore(localValue('u', () => storage));
    store.save([message]);
    expect(new UnsentStore(localValue('u', () => storage)).load()).toEqual([message]);
    store.save([]);
    expect(storage.getItem('u')).toBeNull();
  });

  it.each(['not json', '{"clientId":"c1"}', '[{"clientId":"","text":"x","createdAt":"t","status":"pending"}]', '[{"clientId":"c","text":"x","createdAt":"t","status":"sent"}]'])(
    'treats tampered storage %s as nothing unsent',
    (raw) => {
      const storage = memoryStorage();
      storage.setItem('u', raw);
      expect(new UnsentStore(localValue('u', () => storage)).load()).toEqual([]);
    },
  );
});
