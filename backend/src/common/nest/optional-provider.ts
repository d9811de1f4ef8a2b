import type { ModuleRef } from '@nestjs/core';

/**
 * A provider another module may or may not register (a port such as TOUCHPOINT_CASE_STATS), looked up across
 * modules at call time so neither module imports the other; null when no module provides it.
 */
export function optionalProvider<T>(moduleRef: ModuleRef, token: string | symbol): T | null {
  try {
    return moduleRef.get<T>(token, { strict: false });
  } catch {
    return null;
  }
}
