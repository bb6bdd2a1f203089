// The colour of a 1x1 PNG (a Playwright screenshot clipped to one pixel). For one row every PNG
// filter leaves the bytes as they are (no row above, nothing to the left), so no unfiltering is needed.
import { inflateSync } from 'node:zlib';

export function onePixelRgb(png: Buffer): [number, number, number] {
  let p = 8;
  const idat: Buffer[] = [];
  let colorType = 0;
  while (p < png.length) {
    const len = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    if (type === 'IHDR') colorType = png[p + 8 + 9]!;
    if (type === 'IDAT') idat.push(png.subarray(p + 8, p + 8 + len));
    p += 12 + len;
  }
  if (colorType !== 2 && colorType !== 6) throw new Error(`unexpected PNG colour type ${colorType}`);
  const raw = inflateSync(Buffer.concat(idat));
  return [raw[1]!, raw[2]!, raw[3]!];
}
