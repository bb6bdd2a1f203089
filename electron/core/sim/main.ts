// Entry for running the simulator on its own (tests spawn it as a child process):
//   node --import tsx electron/core/sim/main.ts --udp 127.0.0.1:14550
import { runSim } from './cli';

await runSim(process.argv.slice(2));
