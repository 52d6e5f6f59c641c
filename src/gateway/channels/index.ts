export { createTelegramChannel, type TelegramChannel, type TelegramChannelDeps } from './telegram.ts';
export type { InboundTelegramMessage } from './telegram-inbound.ts';
