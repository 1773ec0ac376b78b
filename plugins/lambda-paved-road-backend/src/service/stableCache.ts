import type { CacheService } from '@backstage/backend-plugin-api';
import type { JsonValue } from '@backstage/types';

/**
 * A longer-lived cache for what changes rarely or never: a pipeline's
 * definition, a target group's ARN, a finished build. Keeping these beyond
 * the view TTL is what keeps a view after the TTL expired at a handful of
 * AWS calls per environment. Concurrent loads of one key share one call.
 */
export class StableCache {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly cache: CacheService,
    private readonly ttlMs: number,
  ) {}

  getOrLoad<T extends JsonValue>(key: string, load: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key);
    if (pending) return pending as Promise<T>;
    const promise = (async () => {
      const hit = await this.cache.get<T>(`stable:${key}`).catch(() => undefined);
      if (hit !== undefined) return hit;
      const value = await load();
      await this.cache.set(`stable:${key}`, value, { ttl: this.ttlMs }).catch(() => undefined);
      return value;
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  async getMany<T extends JsonValue>(keys: string[]): Promise<Map<string, T>> {
    const values = await Promise.all(
      keys.map(k => this.cache.get<T>(`stable:${k}`).catch(() => undefined)),
    );
    const found = new Map<string, T>();
    keys.forEach((k, i) => {
      if (values[i] !== undefined) found.set(k, values[i] as T);
    });
    return found;
  }

  async set<T extends JsonValue>(key: string, value: T): Promise<void> {
    await this.cache.set(`stable:${key}`, value, { ttl: this.ttlMs }).catch(() => undefined);
  }
}
