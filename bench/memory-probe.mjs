// Preloaded into every process `npm run bench:memory` measures (`node --import`): on SIGUSR2 it
// appends `process.memoryUsage()` (bytes) as one JSON line to the file named by
// HW_MEMORY_REPORT. Nothing else runs, so the measured process is the product as it starts.
import { appendFileSync } from 'node:fs';

const file = process.env.HW_MEMORY_REPORT;
if (file) {
  process.on('SIGUSR2', () => {
    appendFileSync(file, `${JSON.stringify(process.memoryUsage())}\n`);
  });
}
