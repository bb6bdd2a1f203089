// Strings of the Plan view's shapes, patterns, fence, rally, overrides and import/export, both languages.
export const planShapesEn = {
  'plan.shapes.none': 'No shapes yet: draw an area, a line or a point on the map, or import a KML/KMZ/GeoJSON file.',
} as const;

export const planShapesZh: Record<keyof typeof planShapesEn, string> = {
  'plan.shapes.none': '尚无图形：在地图上绘制区域、线或点，或导入 KML/KMZ/GeoJSON 文件。',
} as const;
