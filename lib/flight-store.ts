import crypto from 'node:crypto';

// The data Next's runtime hydrates a reader page from (its `self.__next_f.push(…)` scripts), taken
// out of the page (lib/deferred-scripts.ts) and served on its own at /_flight/<hash>.js when the
// reader's first interaction loads the runtime. Named by content, so the same page rendered again
// (or by another instance) has the same address and the file is cacheable for good. Kept in memory
// up to a budget, least recently used first out: a page whose data has gone just stays a page
// without JavaScript, which works.

export const FLIGHT_PREFIX = '/_flight/';
const MAX_BYTES = 64 * 1024 * 1024;

export class FlightStore {
  private entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes = MAX_BYTES) {}

  /** Keeps the script and answers its address. */
  keep(script: string): string {
    const hash = crypto.createHash('sha256').update(script).digest('base64url').slice(0, 22);
    const existing = this.entries.get(hash);
    if (existing) {
      this.entries.delete(hash);
      this.entries.set(hash, existing);
    } else {
      const body = Buffer.from(script, 'utf8');
      this.entries.set(hash, body);
      this.bytes += body.length;
      for (const [key, value] of this.entries) {
        if (this.bytes <= this.maxBytes) break;
        this.entries.delete(key);
        this.bytes -= value.length;
      }
    }
    return `${FLIGHT_PREFIX}${hash}.js`;
  }

  /** The script at this path, if it is still kept. */
  get(path: string): Buffer | undefined {
    const match = /^\/_flight\/([\w-]{22})\.js$/.exec(path);
    return match ? this.entries.get(match[1]!) : undefined;
  }
}
