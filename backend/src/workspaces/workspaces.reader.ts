import { Injectable } from '@nestjs/common';
import { WorkspacesRepository } from './workspaces.repository';

/** What other modules may read about workspaces (their rows are this module's). */
@Injectable()
export class WorkspacesReader {
  constructor(private readonly workspaces: WorkspacesRepository) {}

  /** The workspace's name, or null when it does not exist. */
  nameOf(workspaceId: string): Promise<string | null> {
    return this.workspaces.findName(workspaceId);
  }

  /** Every workspace id, in id order (for jobs that visit each workspace). */
  allIds(): Promise<string[]> {
    return this.workspaces.allIds();
  }
}
