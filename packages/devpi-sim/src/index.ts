export { startDevpiSim } from './server.js';
export type { DevpiSim, DevpiSimOptions } from './server.js';
export { devpiTarget, uniqueName } from './target.js';
export type { DevpiTarget, DevpiTargetOptions } from './target.js';
export { makeSdist, makeWheel } from './package-files.js';
export type { PackageFile, PackageSpec } from './package-files.js';
export { seedDemo } from './seed-demo.js';
