// Strings of the replay area, both languages side by side so one file holds the whole area.
// en.ts and zh-CN.ts spread these in; the key sets must match (type-checked and unit-tested).
export const replayEn = {
} as const;

export const replayZh: Record<keyof typeof replayEn, string> = {
};
