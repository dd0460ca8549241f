/**
 * At most `limit` of one kind of heavy work at once (a whole-database package export holds every
 * report in memory while it zips): past it, the caller is told to come back rather than queued,
 * so a stranger repeating the request cannot stack them up until the server runs out of memory.
 */
export function createGate(limit: number) {
  let running = 0;
  return {
    get running() {
      return running;
    },
    /** Runs `work` if a place is free; null (without running it) when the gate is full. */
    async run<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
      if (running >= limit) return { ok: false };
      running++;
      try {
        return { ok: true, value: await work() };
      } finally {
        running--;
      }
    },
  };
}
