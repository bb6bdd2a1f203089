// Every vehicle the station hears; a click selects it for the telemetry panel and the map.
import { useT } from '../../i18n/useT';
import { useSelectionStore } from '../../stores/selection';
import { selectVehicleList, useVehiclesStore } from '../../stores/vehicles';
import { VehicleRow } from './VehicleRow';

export function VehicleList() {
  const t = useT();
  const vehicles = useVehiclesStore(selectVehicleList);
  const selectedKey = useSelectionStore((s) => s.selectedKey);
  const select = useSelectionStore((s) => s.select);
  return (
    <section className="panel vehicle-list" aria-label={t('vehicles.title')}>
      <h2 className="panel-title">
        {t('vehicles.title')}
        {vehicles.length > 0 && <span className="panel-count">{vehicles.length}</span>}
      </h2>
      {vehicles.length === 0 ? (
        <p className="empty">{t('vehicles.empty')}</p>
      ) : (
        <ul>
          {vehicles.map((v) => (
            <VehicleRow key={v.key} vehicle={v} selected={v.key === selectedKey} onSelect={select} />
          ))}
        </ul>
      )}
    </section>
  );
}
