// Strings of the security area, both languages side by side so one file holds the whole area.
// en.ts and zh-CN.ts spread these in; the key sets must match (type-checked and unit-tested).
export const securityEn = {
} as const;

export const securityZh: Record<keyof typeof securityEn, string> = {
};
