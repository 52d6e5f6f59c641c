export { createVirtualClock, DEFAULT_START_MS, type VirtualClock } from './virtual-clock.ts';
export { createPrng, type Prng } from './prng.ts';
