// Politeness per host: at most `concurrency` requests in flight to one host, and request starts at
// least `delayMs` apart (raised per host by robots.txt Crawl-delay, pushed back by Retry-After).
// Hosts are independent: a slow site never holds up another. Waiters are served in arrival order.
// One small record per host is kept for the fetcher's life (a run), so delays survive idle spells.

interface HostState {
  active: number;
  /** Earliest time the next request may start (last start + delay, or a Retry-After). */
  notBefore: number;
  delayMs: number;
  waiters: Array<() => void>;
  timer: NodeJS.Timeout | null;
}

export class HostQueue {
  private readonly hosts = new Map<string, HostState>();

  constructor(
    private readonly concurrency: number,
    private readonly delayMs: number,
  ) {}

  /** Waits for a slot on the host; call the returned function once the request is over. */
  acquire(host: string): Promise<() => void> {
    const state = this.state(host);
    return new Promise((resolve) => {
      state.waiters.push(() => {
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          state.active--;
          this.pump(state);
        });
      });
      this.pump(state);
    });
  }

  /** Raises the gap between starts for one host (robots.txt Crawl-delay); never lowers it. */
  raiseDelay(host: string, delayMs: number): void {
    const state = this.state(host);
    if (delayMs > state.delayMs) {
      state.notBefore += delayMs - state.delayMs;
      state.delayMs = delayMs;
    }
  }

  /** No request to this host starts before `ms` from now (the server asked us to wait). */
  holdOff(host: string, ms: number): void {
    const state = this.state(host);
    state.notBefore = Math.max(state.notBefore, Date.now() + ms);
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, notBefore: 0, delayMs: this.delayMs, waiters: [], timer: null };
      this.hosts.set(host, state);
    }
    return state;
  }

  private pump(state: HostState): void {
    if (state.timer || state.waiters.length === 0 || state.active >= this.concurrency) return;
    const wait = state.notBefore - Date.now();
    if (wait > 0) {
      state.timer = setTimeout(() => {
        state.timer = null;
        this.pump(state);
      }, wait);
      return;
    }
    const next = state.waiters.shift();
    if (!next) return;
    state.active++;
    state.notBefore = Date.now() + state.delayMs;
    next();
    this.pump(state);
  }
}
