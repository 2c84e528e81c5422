import type { Clock } from "../clock";

/**
 * How a group of requests is done together, and how one is done alone. `together` answers each request
 * (in order) or null for one it leaves to `alone`; it may throw, and then every request goes alone.
 */
export interface GroupWork<Req, Res> {
  together(requests: readonly Req[], now: Date): Promise<(Res | null)[]>;
  alone(request: Req, now: Date): Promise<Res>;
}

interface Pending<Req, Res> {
  request: Req;
  resolve(r: Res): void;
  reject(e: unknown): void;
}

/**
 * Group commit for requests that each cost a round trip or two to PostgreSQL (decisions 004 and 026). On
 * this kind of machine a round trip is mostly system time (the socket write wakes the other process) and a
 * commit a WAL flush: under load, concurrent requests share theirs. Adaptive: with nothing in flight a
 * request goes at once, alone; under load, requests queue behind the running groups and go together, up to
 * `maxGroup`.
 *
 * A request the group leaves out (or every request of a group that failed) goes alone, after its group has
 * made room for the next: whatever waits or refuses there does not hold up the requests queued behind.
 */
export class GroupCommit<Req, Res> {
  private readonly queue: Pending<Req, Res>[] = [];
  private inFlight = 0;

  constructor(
    private readonly work: GroupWork<Req, Res>,
    private readonly clock: Clock,
    private readonly opts: { maxGroup: number; maxConcurrent: number } = { maxGroup: 64, maxConcurrent: 2 },
  ) {}

  submit(request: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.inFlight < this.opts.maxConcurrent && this.queue.length > 0) {
      const group = this.queue.splice(0, this.opts.maxGroup);
      this.inFlight++;
      void this.together(group).then((leftOut) => {
        this.inFlight--;
        this.pump();
        for (const p of leftOut) this.work.alone(p.request, this.clock()).then(p.resolve, p.reject);
      });
    }
  }

  /**
   * Does the group's requests together, answers them, and returns those left to do alone. A request on its
   * own is done alone here, holding its place: what is in flight is what makes the next requests wait and group.
   */
  private async together(group: Pending<Req, Res>[]): Promise<Pending<Req, Res>[]> {
    const [first] = group;
    if (group.length === 1 && first) {
      await this.work.alone(first.request, this.clock()).then(first.resolve, first.reject);
      return [];
    }
    const answers = await this.work
      .together(
        group.map((p) => p.request),
        this.clock(),
      )
      .catch(() => []);
    return group.filter((p, i) => {
      const answer = answers[i];
      if (answer) p.resolve(answer);
      return !answer;
    });
  }
}
