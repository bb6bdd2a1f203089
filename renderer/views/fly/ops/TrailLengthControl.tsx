// How much of each vehicle's past the map draws: a short trail keeps a busy picture readable, a long
// one shows where a search has already been.
import { useT } from '../../../i18n/useT';
import { useTrailsStore } from '../../../stores/trails';

const LENGTHS = [
  { points: 150, key: 'ops.map.trailShort' },
  { points: 600, key: 'ops.map.trailMedium' },
  { points: 3000, key: 'ops.map.trailLong' },
] as const;

export function TrailLengthControl() {
  const t = useT();
  const maxPoints = useTrailsStore((s) => s.options.maxPoints);
  const setOptions = useTrailsStore((s) => s.setOptions);
  return (
    <label className="ops-trail-control">
      {t('ops.map.trail')}
      <select value={maxPoints} onChange={(e) => setOptions({ maxPoints: Number(e.target.value) })} data-testid="trail-length">
        {LENGTHS.map((l) => (
          <option key={l.points} value={l.points}>
            {t(l.key)}
          </option>
        ))}
      </select>
    </label>
  );
}
