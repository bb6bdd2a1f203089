// Strings of the plan area, both languages side by side so one file holds the whole area.
// en.ts and zh-CN.ts spread these in; the key sets must match (type-checked and unit-tested).
export const planEn = {
} as const;

export const planZh: Record<keyof typeof planEn, string> = {
};
