// The checks between the items: a leg that cuts into a ridge, or flies level over a valley higher
// than the ceiling above its floor, while both its ends are fine. The item checks cannot see these;
// the altitude profile samples every leg against the ground, and this turns its red stretches into
// issues on the item the leg flies to. Only with terrain: without it the legs are straight lines
// between heights above home and the item checks already cover their ends.
import { msg } from '../../contract/errors';
import type { Plan } from '../../plan/types';
import { planProfile, type PlanProfile, type ProfileRun } from '../../terrain/plan-profile';
import type { CheckContext, PlanIssue } from './context';

const km = (m: number): string => (m / 1000).toFixed(2);

/** The item a stretch belongs to: the one its leg flies to (the first item at or past its middle). */
function itemOf(p: PlanProfile, run: ProfileRun): PlanProfile['items'][number] | undefined {
  const mid = (run.fromM + run.toM) / 2;
  return p.items.find((i) => i.distanceM >= mid) ?? p.items[p.items.length - 1];
}

export function terrainLegIssues(plan: Plan, ctx: CheckContext, ceilingAglM: number): PlanIssue[] {
  if (!ctx.groundElevationMslM) return [];
  const p = planProfile(plan, (lat, lon) => ctx.groundElevationMslM!(lat, lon), ceilingAglM);
  if (p.mode !== 'terrain') return [];
  const out: PlanIssue[] = [];
  for (const run of p.runs) {
    // A stretch around an item already over the ceiling or under the ground is the item checks' to say.
    if (p.items.some((i) => i.status === run.status && i.distanceM >= run.fromM && i.distanceM <= run.toM)) continue;
    const item = itemOf(p, run);
    if (!item) continue;
    const inRun = p.samples.filter((s) => s.distanceM >= run.fromM && s.distanceM <= run.toM && s.altM !== null && s.groundM !== null);
    const agl = inRun.map((s) => s.altM! - s.groundM!);
    const where = `${km(run.fromM)}–${km(run.toM)}`;
    if (run.status === 'below') {
      const depth = Math.max(0, -Math.min(...agl)).toFixed(0);
      out.push({ rule: 'leg_below_ground', severity: 'error', itemIndex: item.index, message: msg(`The leg to this item goes ${depth} m below the ground at ${where} km.`, `飞往此航点的航段在 ${where} 公里处低于地面 ${depth} 米。`) });
    } else {
      const top = Math.max(...agl).toFixed(0);
      out.push({ rule: 'leg_over_ceiling', severity: 'error', itemIndex: item.index, message: msg(`The leg to this item is up to ${top} m above the ground at ${where} km: over the ${ceilingAglM.toFixed(0)} m ceiling.`, `飞往此航点的航段在 ${where} 公里处离地最高 ${top} 米：超过 ${ceilingAglM.toFixed(0)} 米的高度上限。`) });
    }
  }
  return out;
}
