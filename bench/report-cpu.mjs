// Preloaded with `node --import ./bench/report-cpu.mjs ...`: at exit, writes the whole process's CPU
// time (user + system, start-up included) to the file named by REPORT_CPU_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.REPORT_CPU_FILE;
if (file) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ cpu_ms: Math.round((user + system) / 1000) }));
  });
}
