/**
 * What a run's summary reads of the gateway, whichever gateway ran: the
 * embedded one hands over its own state (`embeddedFacts`); the real one is
 * observed from outside — its Telegram sends, its file log, its store
 * (real-gateway-facts.ts). A figure the real gateway does not show
 * outside (the router's decisions) is empty there, and the run notes say so.
 */
import type { Delivery, Gateway } from '../gateway/gateway.ts';
import type { LogRecord } from '../gateway/log.ts';
import type { MessageFate } from '../gateway/message-fates.ts';
import type { DecisionEvent } from '../gateway/router/decision-log.ts';
import type { RunResult } from './result.ts';

export type GatewayFacts = {
  readonly log: readonly LogRecord[];
  readonly deliveries: readonly Delivery[];
  readonly messageFates: readonly MessageFate[];
  readonly turns: RunResult['turns'];
  /** The router's decisions, for the failover cascade (empty where they cannot be observed). */
  readonly decisions: readonly DecisionEvent[];
  /** Sessions in the store when the run ended. */
  readonly sessionsAtEnd: number;
};

export function embeddedFacts(gateway: Gateway): GatewayFacts {
  return {
    log: gateway.log.records,
    deliveries: gateway.deliveries,
    messageFates: gateway.messageFates,
    turns: { user: gateway.stats.userTurns, heartbeat: gateway.stats.heartbeatTurns, cron: gateway.stats.cronTurns, silent: gateway.stats.silentTurns },
    decisions: gateway.router.decisions.events,
    sessionsAtEnd: gateway.store.count(),
  };
}
