// What the active drawing tool expects next, over the map, so a pilot needs no manual: how many
// vertices so far, how to finish, take back and cancel.
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { useShapeUi } from './shapeUiStore';

export function DrawHint() {
  const t = useT();
  const tool = usePlanStore((s) => s.tool);
  const n = useShapeUi((s) => s.draft.length);
  const centre = useShapeUi((s) => s.circleCentre !== null);
  const picking = useShapeUi((s) => s.pickingStations);
  const text =
    tool === 'drawPolygon' || tool === 'drawLine'
      ? t(tool === 'drawPolygon' ? 'plan.draw.polygon' : 'plan.draw.line', { n })
      : tool === 'drawPoint'
        ? t(picking ? 'plan.pattern.pickHint' : 'plan.draw.point')
        : tool === 'fenceCircle'
          ? t(centre ? 'plan.draw.circleEdge' : 'plan.fence.circleHint')
          : tool === 'rally'
            ? t('plan.rally.hint')
            : null;
  if (!text) return null;
  return (
    <div className="plan-draw-hint" role="status" data-testid="plan-draw-hint" data-vertices={n}>
      {text}
    </div>
  );
}
