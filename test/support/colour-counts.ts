// How many pixels of a PNG screenshot are (nearly) each colour, counted in the page's own canvas: the
// map tests check that something was drawn, not only that nothing threw.
import type { Page } from 'playwright-core';

export type Rgb = [number, number, number];

/** Pixels within `tolerance` (sum of channel differences) of each colour, and the pixel total. */
export async function colourCounts(page: Page, png: Buffer, colours: Rgb[], tolerance: number): Promise<{ counts: number[]; total: number }> {
  return page.evaluate(
    async ({ b64, colours, tolerance }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      const counts = colours.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        colours.forEach(([r, g, b], k) => {
          if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) <= tolerance) counts[k]++;
        });
      }
      return { counts, total: data.length / 4 };
    },
    { b64: png.toString('base64'), colours, tolerance },
  );
}
