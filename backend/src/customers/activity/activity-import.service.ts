import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { ParseGate } from '../import/parse-gate';
import { ImportActivityResultDto } from './activity.dto';
import { ActivityService } from './activity.service';
import { ACTIVITY_CSV_LIMITS, readActivityCsv } from './activity-csv';

/** One CSV read per workspace at a time (two per process): a file is read in the request, so more would pile up. */
const csvGate = new ParseGate({ perWorkspace: 1, global: 2, retryAfterSeconds: 5 });

/**
 * A CSV of events, stored like bulk requests of 1,000 rows, each chunk in its own transaction. Events are idempotent,
 * so a file that failed half-way can simply be sent again. Validation runs chunk by chunk between the database
 * round trips, so a large file never holds the event loop for long.
 */
@Injectable()
export class ActivityImportService {
  constructor(private readonly activity: ActivityService) {}

  async importCsv(workspaceId: string, body: Readable, declaredBytes: number | null): Promise<ImportActivityResultDto> {
    const release = csvGate.enter(workspaceId);
    try {
      const rows = await readActivityCsv(body, declaredBytes);
      const result: ImportActivityResultDto = { rows: rows.length, created: 0, unchanged: 0, errors: [], errorsOmitted: 0 };
      for (let start = 0; start < rows.length; start += ACTIVITY_CSV_LIMITS.chunkRows) {
        const chunk = await this.activity.bulk(workspaceId, rows.slice(start, start + ACTIVITY_CSV_LIMITS.chunkRows));
        result.created += chunk.created;
        result.unchanged += chunk.unchanged;
        for (const error of chunk.errors) {
          if (result.errors.length < ACTIVITY_CSV_LIMITS.maxErrors) result.errors.push({ ...error, index: error.index + start });
          else result.errorsOmitted += 1;
        }
      }
      return result;
    } finally {
      release();
    }
  }
}
