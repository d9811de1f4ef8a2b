import type { Provider } from '@nestjs/common';
import { CustomerEventsSource } from './sources/customer-events.source';
import { ResponseEventsRepository } from './sources/response-events.repository';
import { TimelineController } from './timeline.controller';
import { TimelineRegistry } from './timeline.registry';
import { TIMELINE_SOURCES } from './timeline-source';
import { TimelineService } from './timeline.service';

export { TimelineRegistry } from './timeline.registry';
export type { TimelineSource, TimelineEvent, TimelineFetch } from './timeline-source';

// Cancellations, cases, mentions and moments add their kinds themselves (their modules own those tables; see TimelineRegistry).
const BUILT_IN_SOURCES = [ResponseEventsRepository, CustomerEventsSource];

/** What CustomersModule mounts for the timeline. */
export const TIMELINE_CONTROLLERS = [TimelineController];
export const TIMELINE_PROVIDERS: Provider[] = [
  ...BUILT_IN_SOURCES,
  { provide: TIMELINE_SOURCES, useFactory: (...sources: unknown[]) => sources, inject: BUILT_IN_SOURCES },
  TimelineRegistry,
  TimelineService,
];
