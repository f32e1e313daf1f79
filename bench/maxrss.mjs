// Preloaded (node --import) by bench/schools.ts into the measured import when
// GNU time is not available: writes the process's peak resident set size, in
// KiB, to BENCH_MAXRSS_FILE when the process exits.
import fs from 'node:fs';

const file = process.env.BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS)));
