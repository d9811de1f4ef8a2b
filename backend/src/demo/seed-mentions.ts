import type { INestApplicationContext } from '@nestjs/common';
import { MentionIngestService } from '../mentions/mention-ingest.service';
import type { PlannedMention } from './plan';
import type { Progress } from './progress';
import type { StoryClock } from './story';

const BATCH = 500;

/**
 * Mentions through the one ingest path (language and sentiment tagging, reposts and copies linked, replies threaded,
 * spike alerts), oldest first so copies and replies find their originals and the spike rule sees its baseline.
 */
export async function seedMentions(
  app: INestApplicationContext,
  workspaceId: string,
  mentions: PlannedMention[],
  clock: StoryClock,
  progress: Progress,
): Promise<void> {
  const ingest = app.get(MentionIngestService);
  for (let i = 0; i < mentions.length; i += BATCH) {
    const batch = mentions.slice(i, i + BATCH).map((m) => ({
      source: m.source,
      externalId: m.externalId,
      text: m.text,
      postedAt: clock.at(m.day).toISOString(),
      url: m.url,
      author: m.author,
      reach: m.reach,
      ...(m.parentExternalId ? { parentExternalId: m.parentExternalId } : {}),
    }));
    const result = await ingest.ingest(workspaceId, batch, 'api');
    if (result.invalid > 0)
      throw new Error(`demo mentions rejected: ${JSON.stringify(result.items.filter((x) => x.status === 'invalid').slice(0, 3))}`);
    progress.step('mentions', Math.min(mentions.length, i + BATCH), mentions.length);
  }
}
