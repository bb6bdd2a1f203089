export * from './geometry';
export * from './patterns';
export * from './generate';
export * from './compile';
export * from './pattern-schema';
export * from './plan-file';
export * from './checks';
export * from './plan-doc';
