/**
 * Per-address token buckets for callers without a token: `perMinute` requests in a burst, refilled at
 * `perMinute` a minute. The table forgets the least recently seen addresses past `maxAddresses`, so a
 * caller cycling through addresses costs memory only up to that bound.
 */
export interface RateLimiter {
  /** Takes one request from `address`'s bucket: 0 when allowed, else the seconds to wait. */
  take(address: string): number;
}

export function createRateLimiter(options: {
  perMinute: number;
  maxAddresses?: number;
  now?: () => number;
}): RateLimiter {
  const { perMinute, maxAddresses = 10_000, now = Date.now } = options;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const perMs = perMinute / 60_000;
  return {
    take(address) {
      if (perMinute <= 0) return 0;
      const at = now();
      const bucket = buckets.get(address) ?? { tokens: perMinute, at };
      bucket.tokens = Math.min(perMinute, bucket.tokens + (at - bucket.at) * perMs);
      bucket.at = at;
      // Re-inserting keeps the map in least-recently-seen order for eviction.
      buckets.delete(address);
      buckets.set(address, bucket);
      if (buckets.size > maxAddresses) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
    },
  };
}
