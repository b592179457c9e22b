/**
 * Hybrid logical clock: wall-clock milliseconds plus a counter, so that timestamps from one device
 * always increase even when its clock steps back, and order sensibly across devices.
 * Serialized as a fixed-width string that sorts in time order: 13-digit ms, 6-digit counter, device.
 */
export interface HlcStamp {
  ms: number;
  counter: number;
  device: string;
}

export function formatHlc(s: HlcStamp): string {
  return `${String(s.ms).padStart(13, '0')}-${String(s.counter).padStart(6, '0')}-${s.device}`;
}

export function parseHlc(text: string): HlcStamp {
  const m = /^(\d{13})-(\d{6})-([A-Za-z0-9-]{1,64})$/.exec(text);
  if (!m) throw new Error('malformed HLC timestamp');
  return { ms: Number(m[1]), counter: Number(m[2]), device: m[3]! };
}

export class HybridClock {
  private ms = 0;
  private counter = 0;

  constructor(
    private readonly device: string,
    private readonly wallClock: () => number,
    last?: string | null,
  ) {
    if (last) {
      const s = parseHlc(last);
      this.ms = s.ms;
      this.counter = s.counter;
    }
  }

  /** A timestamp for a local event, greater than every one issued or received before. */
  now(): string {
    const wall = this.wallClock();
    if (wall > this.ms) {
      this.ms = wall;
      this.counter = 0;
    } else {
      this.counter += 1;
    }
    return formatHlc({ ms: this.ms, counter: this.counter, device: this.device });
  }

  /**
   * Merges a remote timestamp. One more than `maxDriftMs` ahead of our wall clock is not trusted:
   * the caller flags it instead of letting it drag this clock into the future.
   */
  receive(remote: string, maxDriftMs: number): { accepted: boolean } {
    const r = parseHlc(remote);
    const wall = this.wallClock();
    if (r.ms - wall > maxDriftMs) return { accepted: false };
    const ms = Math.max(this.ms, r.ms, wall);
    if (ms === this.ms && ms === r.ms) this.counter = Math.max(this.counter, r.counter) + 1;
    else if (ms === this.ms) this.counter += 1;
    else if (ms === r.ms) this.counter = r.counter + 1;
    else this.counter = 0;
    this.ms = ms;
    return { accepted: true };
  }
}
