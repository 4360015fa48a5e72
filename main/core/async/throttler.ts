// Run once, and once more if asked meanwhile (VS Code's Throttler, src/vs/base/common/async.ts):
// while a run is active, every further request folds into ONE queued run of the latest factory,
// which starts when the active run settles; each caller's promise settles with the run that served it.
export class Throttler<T = void> {
  private active: Promise<T> | null = null;
  private queued: Promise<T> | null = null;
  private latest: (() => Promise<T>) | null = null;

  queue(factory: () => Promise<T>): Promise<T> {
    if (!this.active) {
      this.active = factory().finally(() => {
        this.active = null;
      });
      return this.active;
    }
    this.latest = factory;
    if (!this.queued) {
      const runQueued = () => {
        this.queued = null;
        const next = this.latest as () => Promise<T>;
        this.latest = null;
        return this.queue(next);
      };
      this.queued = this.active.then(runQueued, runQueued);
    }
    return this.queued;
  }

  get isRunning(): boolean {
    return this.active !== null;
  }
}
