export * from './sbs';
export * from './adsb';
export * from './store';
export * from './separation';
export * from './altitude-blocks';
export * from './sbs-client';
