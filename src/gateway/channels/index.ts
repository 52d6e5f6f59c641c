export { createTelegramChannel, type BotCommand, type TelegramChannel, type TelegramChannelDeps } from './telegram.ts';
export type { SendOptions } from './telegram-send.ts';
export type { InboundTelegramMessage } from './telegram-inbound.ts';
export { TELEGRAM_BEHAVIOURS, type TelegramBehaviour } from './telegram-behaviour.ts';
export { buildCommandCatalog, DEFAULT_ELIGIBLE_SKILLS, type MenuCommand, type SkillSpec } from './commands-catalog.ts';
export { BUNDLED_SKILLS_2026_2 } from './bundled-skills.ts';
export { buildMenu, capMenu, hashMenu, menuTextChars, syncMenu, type MenuSyncOutcome } from './command-menu.ts';
