// What a typed coordinate was read as, before anyone flies or fences there: its datum (and whether
// the text named it or it was assumed), the order, the WGS-84 position the station will use, and for
// a GCJ-02/BD-09 value how far the typed numbers would be off on a GPS map, so the size of the mistake
// it saves is visible.
import type { ParsedCoordinate } from '../../../shared/geo/coord-parse';
import { formatLatLonDecimal } from '../../../shared/geo/coord-format';
import { distanceM } from '../../../shared/geo/distance';
import { useT } from '../../i18n/useT';

export function CoordinateRead({ parsed, testId }: { parsed: ParsedCoordinate; testId?: string }) {
  const t = useT();
  const datum = t(`maps.datum.${parsed.datum}`);
  const how = t(parsed.datumMarked ? 'maps.goto.marked' : 'maps.goto.assumed');
  const order = parsed.lonFirst ? t('maps.goto.lonFirst') : '';
  const shift = distanceM(parsed.input, parsed.wgs84);
  return (
    <p className="maps-goto__read" data-testid={testId} data-datum={parsed.datum} data-marked={parsed.datumMarked ? 'yes' : 'no'}>
      {t('maps.goto.read', { datum: `${datum}, ${how}`, order, wgs: formatLatLonDecimal(parsed.wgs84.lat, parsed.wgs84.lon) })}
      {parsed.datum !== 'WGS84' && (
        <>
          <br />
          {t('maps.goto.typed', { typed: formatLatLonDecimal(parsed.input.lat, parsed.input.lon), datum: parsed.datum === 'GCJ02' ? 'GCJ-02' : 'BD-09', shift: shift.toFixed(0) })}
        </>
      )}
    </p>
  );
}
