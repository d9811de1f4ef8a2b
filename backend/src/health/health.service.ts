import { Injectable } from '@nestjs/common';
import { APP_VERSION } from '../config/version';
import { DatabaseProbeRepository } from './database-probe.repository';
import type { HealthDto } from './health.dto';

const PROBE_TIMEOUT_MS = 2_000;

@Injectable()
export class HealthService {
  private readonly startedAt = Date.now();

  constructor(private readonly database: DatabaseProbeRepository) {}

  async check(): Promise<HealthDto> {
    const started = performance.now();
    let up: boolean;
    try {
      await Promise.race([
        this.database.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS).unref()),
      ]);
      up = true;
    } catch {
      up = false;
    }
    return {
      status: up ? 'ok' : 'degraded',
      database: { status: up ? 'up' : 'down', latencyMs: up ? Math.round((performance.now() - started) * 10) / 10 : null },
      version: APP_VERSION,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }
}
