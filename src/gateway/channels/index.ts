export { createTelegramChannel, type BotCommand, type TelegramChannel, type TelegramChannelDeps } from './telegram.ts';
export type { SendOptions } from './telegram-send.ts';
export type { InboundTelegramMessage } from './telegram-inbound.ts';
export type { MenuScope, TelegramBehaviour } from './telegram-behaviour.ts';
export { buildCommandCatalog, DEFAULT_ELIGIBLE_SKILLS, type CommandCatalogSpec, type MenuCommand, type SkillSpec } from './commands-catalog.ts';
export { buildMenu, capMenu, hashMenu, menuTextChars, syncMenu, type MenuSyncOutcome } from './command-menu.ts';
