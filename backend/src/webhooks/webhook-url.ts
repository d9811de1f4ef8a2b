import { publicUrlProblem } from '../common/net/public-url';
import type { AddressGuard } from './address-guard';

/**
 * Why a webhook URL cannot be saved, or null when it can: http(s) only, no credentials in it, and
 * its host must resolve to addresses the guard allows (checked again on every delivery).
 */
export function webhookUrlProblem(raw: string, guard: AddressGuard): Promise<string | null> {
  return publicUrlProblem(raw, guard, {
    example: 'https://example.com/hooks/otklik',
    credentialsHint: 'authenticate with the signature instead',
    caller: 'webhooks',
  });
}
