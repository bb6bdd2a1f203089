// Strings of the maps area, both languages side by side so one file holds the whole area.
// en.ts and zh-CN.ts spread these in; the key sets must match (type-checked and unit-tested).
export const mapsEn = {
} as const;

export const mapsZh: Record<keyof typeof mapsEn, string> = {
};
