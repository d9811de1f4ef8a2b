import { Inject, Injectable } from '@nestjs/common';
import { TIMELINE_SOURCES, type TimelineSource } from './timeline-source';

/**
 * The sources the timeline merges. Built-in ones arrive through TIMELINE_SOURCES; another module adds its
 * kind by injecting the registry (CustomersModule exports it) and calling register() in onModuleInit.
 */
@Injectable()
export class TimelineRegistry {
  readonly #sources = new Map<string, TimelineSource>();

  constructor(@Inject(TIMELINE_SOURCES) builtIn: TimelineSource[]) {
    for (const source of builtIn) this.register(source);
  }

  register(source: TimelineSource): void {
    if (this.#sources.has(source.kind)) throw new Error(`timeline kind "${source.kind}" is registered twice`);
    this.#sources.set(source.kind, source);
  }

  kinds(): string[] {
    return [...this.#sources.keys()];
  }

  get(kind: string): TimelineSource | undefined {
    return this.#sources.get(kind);
  }
}
