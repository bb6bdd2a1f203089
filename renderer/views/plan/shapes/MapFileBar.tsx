// Import a map file (KML/KMZ/GeoJSON into shapes; WPL/.waypoints into mission items, after the pilot
// confirms replacing the mission) and export the plan as KML for Google Earth or a helicopter crew.
import { useState, type ChangeEvent } from 'react';
import { toErrorValue } from '../../../../shared/contract/errors';
import type { ContractErrorValue } from '../../../../shared/contract/types';
import { writeMissionKml } from '../../../../shared/plan/kml-export';
import { isPositionedCommand } from '../../../../shared/plan/mav-enums';
import type { Plan } from '../../../../shared/plan/types';
import { addShapes, IMPORT_ACCEPT, importMapFile } from '../../../../shared/planning';
import { ErrorMessage } from '../../../components/ErrorMessage';
import { bothLanguages } from '../../../i18n/translate';
import { useT } from '../../../i18n/useT';
import { usePlanStore } from '../../../stores/plan';
import { nextId } from './draft';
import { useShapeUi } from './shapeUiStore';
import { tl } from './useShapeDrawing';

/** Bigger than any real area file; refusing early keeps a wrong pick from freezing the UI. */
const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const kmlName = (fileName: string | null): string => `${(fileName ?? 'plan').replace(/\.[^.]*$/, '') || 'plan'}.kml`;

export function MapFileBar() {
  const t = useT();
  const { doc, fileName, edit, selectShape } = usePlanStore();
  const [error, setError] = useState<ContractErrorValue | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [pending, setPending] = useState<{ plan: Plan; name: string } | null>(null);

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    setError(null);
    setNote(null);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) return setError({ code: 'import_too_big', message: bothLanguages('plan.import.tooBig') });
    try {
      const taken = new Set(usePlanStore.getState().doc?.shapes.map((s) => s.id) ?? []);
      const newId = () => {
        const id = nextId('import', taken);
        taken.add(id);
        return id;
      };
      const r = importMapFile(file.name, new Uint8Array(await file.arrayBuffer()), newId);
      if (r.kind === 'shapes') {
        edit(tl('plan.import.editShapes'), (d) => addShapes(d, r.shapes));
        selectShape(r.shapes[0].id);
        // An area file is usually somewhere else than the view: show what came in.
        useShapeUi.getState().setFitTo(r.shapes.flatMap((x) => x.points));
        setNote(t('plan.import.shapesAdded', { n: r.shapes.length, file: file.name }));
      } else if ((usePlanStore.getState().doc?.plan.mission.items.length ?? 0) === 0) replaceMission(r.plan, file.name);
      else setPending({ plan: r.plan, name: file.name });
    } catch (err) {
      setError(toErrorValue(err));
    }
  };

  const replaceMission = (plan: Plan, name: string) => {
    // The patterns described the old items; they go with them. Fence and rally stay.
    edit(tl('plan.import.editMission'), (d) => ({ ...d, patterns: [], plan: { ...d.plan, mission: { ...d.plan.mission, items: plan.mission.items, plannedHome: plan.mission.plannedHome ?? d.plan.mission.plannedHome } } }));
    setPending(null);
    useShapeUi.getState().setFitTo(plan.mission.items.filter((i) => isPositionedCommand(i.command) && Number.isFinite(i.x) && Number.isFinite(i.y) && (i.x !== 0 || i.y !== 0)).map((i) => ({ lat: i.x, lon: i.y })));
    setNote(t('plan.import.missionReplaced', { n: plan.mission.items.length, file: name }));
  };

  return (
    <div className="plan-mapfiles">
      <div className="plan-row">
        <label className="btn plan-import">
          <span>{t('plan.import.button')}</span>
          <input type="file" accept={IMPORT_ACCEPT} data-testid="plan-import" onChange={(e) => void onFile(e)} />
        </label>
        <button type="button" className="btn" data-testid="plan-export-kml" disabled={!doc} onClick={() => doc && download(kmlName(fileName), writeMissionKml(doc.plan, { name: fileName ?? undefined }), 'application/vnd.google-earth.kml+xml')}>
          {t('plan.export.kml')}
        </button>
      </div>
      {pending && (
        <div className="plan-confirm" role="alertdialog" data-testid="plan-import-confirm">
          <p>{t('plan.import.confirm', { old: doc?.plan.mission.items.length ?? 0, n: pending.plan.mission.items.length, file: pending.name })}</p>
          <div className="plan-row">
            <button type="button" className="btn" data-testid="plan-import-replace" onClick={() => replaceMission(pending.plan, pending.name)}>{t('plan.import.replace')}</button>
            <button type="button" className="btn" onClick={() => setPending(null)}>{t('plan.shapes.cancel')}</button>
          </div>
        </div>
      )}
      {note && <p className="plan-ok" data-testid="plan-import-note">{note}</p>}
      <ErrorMessage error={error} testId="plan-import-error" />
    </div>
  );
}
