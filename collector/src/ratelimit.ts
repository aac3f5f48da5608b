/**
 * A token bucket per key (the token id), in memory. With several collector instances behind a
 * load balancer each keeps its own buckets, so the effective limit is per instance.
 */
export interface RateLimitOptions {
  /** Requests a key may make in a burst. */
  burst: number;
  /** Requests per second added back to the bucket. */
  perSecond: number;
  now?: () => number;
}

export type Take = { ok: true } | { ok: false; retryAfterSeconds: number };

export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;
  constructor(private readonly opts: RateLimitOptions) {
    this.now = opts.now ?? Date.now;
  }

  take(key: string): Take {
    const now = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.opts.burst, at: now };
    b.tokens = Math.min(this.opts.burst, b.tokens + ((now - b.at) / 1000) * this.opts.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      this.sweep(now);
      return { ok: true };
    }
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / this.opts.perSecond)) };
  }

  /** A full bucket carries no information: forget it, so that memory follows active keys only. */
  private sweep(now: number) {
    if (this.buckets.size < 10_000) return;
    for (const [k, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.opts.perSecond >= this.opts.burst) this.buckets.delete(k);
    }
  }
}
