/** The sandbox process as `/_sandbox/stats` reports it: memory, and how long the event loop stalled. */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface ProcessStats {
  rssBytes: number;
  heapUsedBytes: number;
  /** Longest and 99th-percentile delay of the event loop since start or the last reset. */
  eventLoopDelayMaxMs: number;
  eventLoopDelayP99Ms: number;
}

export class ProcessMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.histogram.enable();
  }

  read(): ProcessStats {
    const memory = process.memoryUsage();
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    return {
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      eventLoopDelayMaxMs: ms(this.histogram.max),
      eventLoopDelayP99Ms: ms(this.histogram.percentile(99)),
    };
  }

  reset(): void {
    this.histogram.reset();
  }

  stop(): void {
    this.histogram.disable();
  }
}
