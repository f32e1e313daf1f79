// Preloaded (node --import) by bench/soak.ts into the Socle server it soaks:
// every BENCH_SOAK_INTERVAL_MS (default 5000) appends one JSON line to
// BENCH_SOAK_FILE with the process's memory (rss, heap used and total,
// external, array buffers; bytes) and the event-loop delay since the previous
// sample (ms: mean, p50, p99, max, from perf_hooks.monitorEventLoopDelay).
import fs from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.BENCH_SOAK_FILE;
if (file) {
  const interval = Number(process.env.BENCH_SOAK_INTERVAL_MS) || 5000;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const t0 = Date.now();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  const sample = () => {
    const m = process.memoryUsage();
    const line = {
      t: Math.round((Date.now() - t0) / 100) / 10,
      rss: m.rss,
      heapUsed: m.heapUsed,
      heapTotal: m.heapTotal,
      external: m.external,
      arrayBuffers: m.arrayBuffers,
      eventLoopDelayMs: {
        mean: ms(delay.mean),
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
      },
    };
    delay.reset();
    fs.appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
  setInterval(sample, interval).unref();
}
