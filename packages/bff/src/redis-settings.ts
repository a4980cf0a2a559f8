import type { Logger } from './log.js';
import type { RedisSettings, RedisStore } from './redis-store.js';
import { StoreUnavailableError } from './store.js';

/*
 * Redis settings that lose sessions without a sound (README, „Redis“): a
 * policy that evicts when memory is full takes sessions and the index sets
 * alike – with an index gone, back-channel logout silently ends nothing –
 * and without persistence a restart signs every citizen out.
 */

const ADVICE = 'appendonly yes, appendfsync everysec, maxmemory-policy noeviction, memory alerts (README, Redis)';

/**
 * What in the settings puts sessions at risk; empty when nothing. Every policy
 * but `noeviction` evicts the BFF's keys: all of them have a time to live, so
 * the `volatile-*` policies take them as well as the `allkeys-*` ones.
 */
export function settingRisks(settings: RedisSettings): string[] {
  const risks: string[] = [];
  if (settings['maxmemory-policy'] !== 'noeviction') risks.push('evicting');
  if (settings.appendonly !== 'yes') risks.push(settings.save.trim() ? 'snapshots-only' : 'no-persistence');
  return risks;
}

/**
 * Reads the settings once at start and says in one warning line what puts
 * sessions at risk – or that they could not be read (managed Redis often
 * refuses `CONFIG`): then the operator has to check them by hand.
 */
export async function warnAboutRedisSettings(redis: Pick<RedisStore, 'settings'>, log: Logger): Promise<void> {
  let settings: RedisSettings;
  try {
    settings = await redis.settings();
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    log.warn('redis settings not checked: check eviction and persistence by hand', { reason: error.reason, advice: ADVICE });
    return;
  }
  const risks = settingRisks(settings);
  if (risks.length === 0) return;
  log.warn('redis settings put sessions at risk', {
    risks: risks.join(','),
    maxmemoryPolicy: settings['maxmemory-policy'],
    appendonly: settings.appendonly,
    save: settings.save,
    advice: ADVICE,
  });
}
