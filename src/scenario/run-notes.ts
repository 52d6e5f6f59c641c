/**
 * What a run took as given that the config does not say: an API key for a
 * provider the version registers from its key alone, keys migrated from a
 * legacy config layout. Each note is one sentence for the report, so a reader
 * knows which premises the verdict rests on.
 */
import { resolveProvider } from '../config/catalog/index.ts';
import type { LoadedConfig } from '../config/load.ts';
import { resolveModelChain } from '../config/model-ref.ts';
import type { VersionProfile } from '../gateway/profiles/profile.ts';

export function runNotesOf(loaded: LoadedConfig, profile: Pick<VersionProfile, 'modelRefs' | 'catalog'>): string[] {
  return [...loaded.notes, ...assumedKeyNotes(loaded, profile)];
}

function assumedKeyNotes(loaded: LoadedConfig, profile: Pick<VersionProfile, 'modelRefs' | 'catalog'>): string[] {
  const providers = [...new Set(resolveModelChain(loaded.config, profile.modelRefs).map((ref) => ref.provider))];
  return providers.flatMap((providerId) => {
    const provider = resolveProvider(loaded.config, providerId, profile.modelRefs, profile.catalog);
    if (provider?.origin !== 'implicit') return [];
    return [
      `provider "${providerId}" is not in models.providers: OpenClaw ${profile.catalog.openclawVersion} registers it (${provider.baseUrl}, ${provider.api}) ` +
        `only when ${provider.assumedEnvVar} or an auth profile for it is set; the simulation assumed that key is set`,
    ];
  });
}
