export * from './geometry';
export * from './patterns';
export * from './generate';
export * from './compile';
