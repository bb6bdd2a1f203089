// The plan area's `gcs` commands: usage lines and loaders, merged into cli.ts's table.
import type { CliArea } from './types';

export const planCli: CliArea = {
  usage: `  plan-pattern SPEC.json --out FILE.plan [--into FILE.plan] [--home lat,lon,altMsl]
           Add a search or patrol pattern (parallel track, IAMSAR, overwatch ...) to a plan file.
  plan-check FILE.plan [--ceiling M] [--max-distance M] [--endurance S] [--json]
           List a plan's problems; exit 1 when any is an error.
`,
  commands: {
    'plan-pattern': async (argv) => (await import('../plan-tools')).runPlanPattern(argv),
    'plan-check': async (argv) => (await import('../plan-tools')).runPlanCheck(argv),
  },
};
