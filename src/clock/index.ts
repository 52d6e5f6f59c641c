export type { Clock, TimerHandle } from './clock.ts';
export { createVirtualClock, DEFAULT_START_MS, type VirtualClock, type VirtualClockOptions } from './virtual-clock.ts';
export { createRealClock } from './real-clock.ts';
export { createPrng, type Prng } from './prng.ts';
