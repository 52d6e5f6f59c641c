/**
 * Each gateway profile's model-ref rules, for callers that know the profile
 * by name. A version profile that carries its `ModelRefRules` makes this
 * table unnecessary.
 */
import type { ModelRefRules } from './model-ref.ts';
import { MODEL_REF_RULES_2026_2 } from './model-ref-rules-2026-2.ts';
import { MODEL_REF_RULES_2026_9 } from './model-ref-rules-2026-9.ts';
import type { GatewayProfile } from './runtime-defaults.ts';

export const MODEL_REF_RULES: Readonly<Record<GatewayProfile, ModelRefRules>> = {
  '2026.2': MODEL_REF_RULES_2026_2,
  '2026.9': MODEL_REF_RULES_2026_9,
};
