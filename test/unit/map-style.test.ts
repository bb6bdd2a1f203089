import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { FeatureCollection } from 'geojson';
import { BASEMAP_ATTRIBUTION, BASEMAP_COLORS, BASEMAP_LAYER_IDS, basemapStyle } from '../../renderer/map/basemapStyle';
import { trailLayers } from '../../renderer/map/trails';

describe('offline basemap style', () => {
  const style = basemapStyle();

  it('is a valid MapLibre style', () => {
    expect(validateStyleMin(style)).toEqual([]);
  });

  it('stays valid with the trail overlay added', () => {
    const withTrails = {
      ...style,
      sources: { ...style.sources, 'vehicle-trails': { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } } },
      layers: [...style.layers, ...trailLayers()],
    };
    expect(validateStyleMin(withTrails)).toEqual([]);
  });

  it('needs no network: no URLs, glyphs, sprites or text layers', () => {
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//i);
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
    for (const source of Object.values(style.sources)) {
      expect(source.type).toBe('geojson');
      // Inline data, never a URL string to fetch (file:// cannot be fetched by the worker).
      expect(typeof (source as { data: unknown }).data).toBe('object');
    }
  });

  it('has water background, land, coast, borders and graticule', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids[0]).toBe(BASEMAP_LAYER_IDS.background);
    expect(ids).toEqual(expect.arrayContaining(Object.values(BASEMAP_LAYER_IDS)));
    const bg = style.layers[0];
    expect(bg.type === 'background' && bg.paint?.['background-color']).toBe(BASEMAP_COLORS.water);
    expect(BASEMAP_COLORS.land).not.toBe(BASEMAP_COLORS.water);
  });

  it('credits Natural Earth', () => {
    const land = style.sources.land as { attribution?: string };
    expect(land.attribution).toBe(BASEMAP_ATTRIBUTION);
    expect(BASEMAP_ATTRIBUTION).toContain('Natural Earth');
  });

  it('bundles land around Ulanhot and borders', () => {
    const land = (style.sources.land as { data: FeatureCollection }).data;
    const borders = (style.sources.borders as { data: FeatureCollection }).data;
    expect(land.features.length).toBeGreaterThan(100);
    expect(borders.features.length).toBeGreaterThan(0);
    // Ulanhot (122.09 E, 46.07 N) lies inside the Eurasia polygon: it must have a ring around it.
    const containsUlanhot = land.features.some((f) => {
      if (f.geometry.type !== 'Polygon') return false;
      const ring = f.geometry.coordinates[0];
      let inside = false;
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > 46.0726 !== yj > 46.0726 && 122.0933 < ((xj - xi) * (46.0726 - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    });
    expect(containsUlanhot).toBe(true);
  });
});
