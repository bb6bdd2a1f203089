// Altitude blocks: the commander gives each party a band (drones at or below 100 m, the helicopter at
// or above 200 m) and is told when anyone leaves theirs. Pure: the caller supplies the aircraft and
// the reference ground elevation that 'rel' blocks are measured from.
import type { AltitudeBlock, AltitudeBlockBreach } from '../../../shared/contract/ops-types';

export interface BlockSubject {
  /** Vehicle key or traffic track id. */
  id: string;
  callsign: string | null;
  /** Our drone or a manned aircraft. */
  manned: boolean;
  altMslM: number | null;
  /** Height above its home, for drones (what their pilot sees). */
  altRelM: number | null;
}

function applies(block: AltitudeBlock, s: BlockSubject): boolean {
  if (block.appliesTo === 'drones') return !s.manned;
  if (block.appliesTo === 'manned') return s.manned;
  return block.appliesTo === s.id || (s.callsign !== null && block.appliesTo.toUpperCase() === s.callsign.toUpperCase());
}

/** The subject's altitude in the block's datum, or null when it cannot be known. */
function altIn(block: AltitudeBlock, s: BlockSubject, refElevMslM: number | null): number | null {
  if (block.datum === 'msl') return s.altMslM;
  if (!s.manned && s.altRelM !== null) return s.altRelM;
  if (s.altMslM === null || refElevMslM === null) return null;
  return s.altMslM - refElevMslM;
}

export function checkAltitudeBlocks(blocks: readonly AltitudeBlock[], subjects: readonly BlockSubject[], refElevMslM: number | null): AltitudeBlockBreach[] {
  const out: AltitudeBlockBreach[] = [];
  for (const block of blocks) {
    for (const s of subjects) {
      if (!applies(block, s)) continue;
      const alt = altIn(block, s, refElevMslM);
      if (alt === null) continue;
      if (block.minAltM !== null && alt < block.minAltM) out.push({ blockId: block.id, aircraftId: s.id, callsign: s.callsign, altM: alt, side: 'below' });
      else if (block.maxAltM !== null && alt > block.maxAltM) out.push({ blockId: block.id, aircraftId: s.id, callsign: s.callsign, altM: alt, side: 'above' });
    }
  }
  return out;
}
