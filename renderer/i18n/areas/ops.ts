// Strings of the ops area, both languages side by side so one file holds the whole area.
// en.ts and zh-CN.ts spread these in; the key sets must match (type-checked and unit-tested).
export const opsEn = {
} as const;

export const opsZh: Record<keyof typeof opsEn, string> = {
};
