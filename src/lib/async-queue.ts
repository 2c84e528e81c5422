/**
 * Values pushed by callbacks (events, messages), taken in order by one async consumer. A failure ends
 * the consumer's wait with that error, so a stream of events and its error handler read as one loop.
 */
export class AsyncQueue<T> {
  private readonly items: T[] = [];
  private closed = false;
  private failure: { error: unknown } | null = null;
  private wake: (() => void) | null = null;

  push(item: T) {
    this.items.push(item);
    this.signal();
  }

  /** No more values: once drained, next() gives undefined. */
  close() {
    this.closed = true;
    this.signal();
  }

  /** The first failure wins; values still queued are dropped. */
  fail(error: unknown) {
    this.failure ??= { error };
    this.signal();
  }

  async next(): Promise<T | undefined> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      if (this.items.length > 0) return this.items.shift();
      if (this.closed) return undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private signal() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
