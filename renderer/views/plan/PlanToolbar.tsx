// What a click on the plan map does: one tool at a time. Each tool's behaviour lives with its owner
// (edit/useMapEditing for select and waypoints; shapes/useShapeDrawing for shapes, fence and rally).
import { useT } from '../../i18n/useT';
import { usePlanStore, type PlanTool } from '../../stores/plan';

/** Tools whose tooltip tells their key and tricks. */
const TOOL_TIPS: Partial<Record<PlanTool, 'planEdit.toolTip.select' | 'planEdit.toolTip.addWaypoint'>> = { select: 'planEdit.toolTip.select', addWaypoint: 'planEdit.toolTip.addWaypoint' };

export const PLAN_TOOLS: readonly PlanTool[] = ['select', 'addWaypoint', 'drawPolygon', 'drawLine', 'drawPoint', 'rally', 'fenceCircle'];

export function PlanToolbar() {
  const t = useT();
  const tool = usePlanStore((s) => s.tool);
  const setTool = usePlanStore((s) => s.setTool);
  return (
    <div className="plan-toolbar" role="toolbar" data-testid="plan-toolbar">
      {PLAN_TOOLS.map((k) => (
        <button key={k} type="button" className={`btn plan-tool${tool === k ? ' plan-tool--on' : ''}`} aria-pressed={tool === k} title={TOOL_TIPS[k] ? t(TOOL_TIPS[k]) : undefined} data-testid={`plan-tool-${k}`} onClick={() => setTool(k)}>
          {t(`plan.tool.${k}`)}
        </button>
      ))}
    </div>
  );
}
