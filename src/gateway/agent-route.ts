/**
 * Which agent an inbound message runs on: OpenClaw's `resolveAgentRoute`
 * (openclaw@2026.2.26 dist/resolve-route-CRfTFFRh.js; openclaw@2026.9.6
 * dist/resolve-route-6ukGCxYl.mjs). The bindings of the message's channel
 * and account are tried tier by tier — the exact peer, a peer wildcard
 * (2026.9), the account, any account (`accountId: "*"`) — the first binding
 * of the first tier that matches wins, in file order; no match is the default
 * agent. A binding without `accountId` binds the `default` account only.
 *
 * The simulated channels carry no guild, team, member roles or parent peer,
 * so bindings constrained by those never match here, as they never match a
 * Telegram message in OpenClaw. 2026.9's per-binding `session` override of
 * dmScope is not modelled.
 */
import { isListedAgent, listAgentIds, normalizeAgentId, resolveDefaultAgentId, type AgentRules } from '../config/agents.ts';
import type { OpenClawConfig } from '../config/schema.ts';

/** What one OpenClaw version does differently when it matches bindings (a field of its profile). */
export type AgentRouteRules = {
  /** Whether a binding's `peer.id: "*"` matches every peer of its kind (2026.9), or only a peer named `*`. */
  readonly peerWildcard: boolean;
  /** Whether a `group` peer binding matches a `channel` peer and back (2026.9 peerKindMatches). */
  readonly groupPeerMatchesChannel: boolean;
  /** A binding naming an agent `agents.list` does not declare: the default agent runs it, or the message is refused. */
  readonly undeclaredAgent: 'default-agent' | 'refused';
};

export type RoutePeer = { readonly kind: 'direct' | 'group' | 'channel'; readonly id: string };

/** The message's origin as the channel reports it; the account is `default` unless named. */
export type RouteInput = { readonly channel: string; readonly accountId?: string; readonly peer?: RoutePeer };

type MatchedBy = 'binding.peer' | 'binding.peer.wildcard' | 'binding.account' | 'binding.channel' | 'default';

export type AgentRoute =
  | { readonly kind: 'agent'; readonly agentId: string; readonly matchedBy: MatchedBy }
  /** No agent can take the message: OpenClaw 2026.9 throws AgentSelectionRequiredError with this text. */
  | { readonly kind: 'refused'; readonly reason: string };

const DEFAULT_ACCOUNT_ID = 'default';

export function resolveAgentRoute(
  config: OpenClawConfig,
  version: { readonly agents: AgentRules; readonly agentRouting: AgentRouteRules },
  input: RouteInput,
): AgentRoute {
  const rules = version.agentRouting;
  const channel = input.channel.trim().toLowerCase();
  const accountId = normalizeAccountId(input.accountId);
  const candidates = bindingsOf(config, channel, accountId);
  const peer = input.peer;
  const tiers: ReadonlyArray<{ matchedBy: MatchedBy; matches: (binding: Candidate) => boolean }> = [
    { matchedBy: 'binding.peer', matches: (binding) => binding.peer !== null && binding.peer.id !== wildcardOf(rules) && peerMatches(binding.peer, peer, rules) },
    { matchedBy: 'binding.peer.wildcard', matches: (binding) => rules.peerWildcard && binding.peer?.id === '*' && peerKindMatches(binding.peer.kind, peer?.kind, rules) },
    { matchedBy: 'binding.account', matches: (binding) => binding.peer === null && binding.accountPattern !== '*' },
    { matchedBy: 'binding.channel', matches: (binding) => binding.peer === null && binding.accountPattern === '*' },
  ];
  for (const tier of tiers) {
    const matched = candidates.find(tier.matches);
    if (matched !== undefined) return choose(config, version, matched.agentId, tier.matchedBy);
  }
  const fallback = resolveDefaultAgentId(config, version.agents);
  if (fallback === null) {
    const binding = JSON.stringify({ agentId: '<agentId>', match: { channel, accountId } });
    return refused(
      listAgentIds(config),
      `${channel} account ${accountId} routing`,
      `Add a channel-wide binding for ${channel}:${accountId}: ${binding}. Replace <agentId> with a configured agent, then restart the Gateway.`,
    );
  }
  return { kind: 'agent', agentId: fallback, matchedBy: 'default' };
}

/** The default agent as a route: what `openclaw agent --message` without `--agent` runs on. */
export function defaultAgentRoute(config: OpenClawConfig, rules: AgentRules): AgentRoute {
  const agentId = resolveDefaultAgentId(config, rules);
  if (agentId !== null) return { kind: 'agent', agentId, matchedBy: 'default' };
  return refused(listAgentIds(config), 'agent lookup', 'Pass an explicit agent id instead of relying on an implicit route.');
}

type Candidate = { readonly agentId: string; readonly accountPattern: string; readonly peer: RoutePeer | null };

/** The bindings of one channel and account, in file order, that a message with no guild, team or roles can match. */
function bindingsOf(config: OpenClawConfig, channel: string, accountId: string): Candidate[] {
  return (config.bindings ?? []).flatMap((binding): Candidate[] => {
    const match = binding.match;
    if (match.channel.trim().toLowerCase() !== channel) return [];
    const accountPattern = (match.accountId ?? '').trim();
    if (accountPattern !== '*' && normalizeAccountId(accountPattern) !== accountId) return [];
    if (nonEmpty(match.guildId) || nonEmpty(match.teamId) || (match.roles ?? []).length > 0) return [];
    if (match.peer === undefined) return [{ agentId: binding.agentId, accountPattern, peer: null }];
    const id = match.peer.id.trim();
    if (id === '') return [];
    const kind = match.peer.kind === 'dm' ? 'direct' : match.peer.kind;
    return [{ agentId: binding.agentId, accountPattern, peer: { kind, id } }];
  });
}

/** pickFirstExistingAgentId: a declared agent as declared; an undeclared one by the version's rule. */
function choose(config: OpenClawConfig, version: { readonly agents: AgentRules; readonly agentRouting: AgentRouteRules }, raw: string, matchedBy: MatchedBy): AgentRoute {
  const agentId = normalizeAgentId(raw);
  const declared = listAgentIds(config);
  if ((config.agents?.list ?? []).length === 0 || isListedAgent(config, agentId)) return { kind: 'agent', agentId, matchedBy };
  if (version.agentRouting.undeclaredAgent === 'refused') {
    if (agentId === 'main') return { kind: 'agent', agentId, matchedBy };
    return refused(declared, 'route binding', `Update the binding agentId "${raw.trim()}" to a configured agent.`);
  }
  const fallback = resolveDefaultAgentId(config, version.agents);
  return fallback === null ? refused(declared, 'agent lookup', 'Pass an explicit agent id instead of relying on an implicit route.') : { kind: 'agent', agentId: fallback, matchedBy };
}

/** AgentSelectionRequiredError's message (2026.9.6 dist/agent-scope-config-IQKOEtZ4.mjs). */
function refused(agentIds: readonly string[], surface: string, hint: string): AgentRoute {
  return { kind: 'refused', reason: `Multiple agents are configured (${agentIds.join(', ')}), but ${surface} has no explicit owner. ${hint}` };
}

function peerMatches(binding: RoutePeer, peer: RoutePeer | undefined, rules: AgentRouteRules): boolean {
  return peer !== undefined && peerKindMatches(binding.kind, peer.kind, rules) && binding.id === peer.id.trim();
}

function peerKindMatches(bindingKind: RoutePeer['kind'], peerKind: RoutePeer['kind'] | undefined, rules: AgentRouteRules): boolean {
  if (peerKind === undefined) return false;
  if (bindingKind === peerKind) return true;
  return rules.groupPeerMatchesChannel && bindingKind !== 'direct' && peerKind !== 'direct';
}

/** The peer id that is a wildcard in this version, if any. */
function wildcardOf(rules: AgentRouteRules): string | undefined {
  return rules.peerWildcard ? '*' : undefined;
}

/** normalizeAccountId: an empty account is `default`; ids compare in lower case. */
function normalizeAccountId(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().toLowerCase();
  return trimmed === '' ? DEFAULT_ACCOUNT_ID : trimmed;
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== '';
}
