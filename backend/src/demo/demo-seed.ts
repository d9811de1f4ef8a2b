import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { WorkspacesService } from '../workspaces/workspaces.service';
import { DemoHistoryRepository } from './demo-history.repository';
import { planStory } from './plan';
import { Progress } from './progress';
import { seedActivity } from './seed-activity';
import { seedCases } from './seed-cases';
import { seedChurn } from './seed-churn';
import { seedClusters } from './seed-clusters';
import { seedCustomers } from './seed-customers';
import { seedEarlyWarning } from './seed-early-warning';
import { seedServiceAudit } from './seed-service-audit';
import { seedManagers } from './seed-managers';
import { seedProspects } from './seed-prospects';
import { seedMentions } from './seed-mentions';
import { seedStatusHistory } from './seed-status-history';
import { seedSegments } from './seed-segments';
import { createSurveys, seedResponses } from './seed-surveys';
import { seedTeam } from './seed-team';
import { seedMisrouting } from './seed-misrouting';
import { seedPromises } from './seed-promises';
import { seedCompensation } from './seed-compensation';
import { seedPublicAnswers } from './seed-public-answers';
import { seedHistoryImport } from './seed-history-import';
import { seedWinBack } from './seed-win-back';
import { DAY_MS, DEFAULT_STORY, type DemoStory, StoryClock } from './story';
import { seedMirror } from './seed-mirror';
import { seedParameters } from './seed-parameters';
import { seedContactPolicy } from './seed-contact-policy';
import { seedCaseReplies } from './seed-case-replies';
import { seedInvitations } from './seed-invitations';
import { seedMessaging } from './seed-messaging';

export const DEMO_ADMIN = { email: 'demo@otklik.local', password: 'otklik-demo', name: 'Demo Admin' } as const;
export const DEMO_WORKSPACE = 'Demo workspace';

/** On an empty database, creates the demo workspace and its admin and tells the story in it. Returns whether it did. */
export async function seedDemo(app: INestApplicationContext, story: DemoStory = DEFAULT_STORY): Promise<boolean> {
  const users = app.get(UsersService);
  if ((await users.count()) > 0) return false;
  const logger = new Logger('Demo');
  const hasher = app.get(PasswordHasher);
  const user = await users.create({
    email: DEMO_ADMIN.email,
    name: DEMO_ADMIN.name,
    passwordHash: await hasher.hash(DEMO_ADMIN.password),
  });
  const workspace = await app.get(WorkspacesService).create(DEMO_WORKSPACE, user.id);
  logger.log(`Created "${DEMO_WORKSPACE}" with admin ${DEMO_ADMIN.email} / ${DEMO_ADMIN.password}`);
  // The clusters finish building in the background while the server starts.
  await seedDemoStory(app, workspace.id, user.id, story, { log: (line) => logger.log(line), clustersInBackground: true });
  return true;
}

export interface SeedOptions {
  /** The story ends at this moment (default: now). */
  now?: Date;
  log?: (line: string) => void;
  /** Return once the cluster rebuild has started instead of when it is done. */
  clustersInBackground?: boolean;
}

/** Tells the story in one (empty) workspace; `adminId` is an admin of it. Also what tests call, with a smaller story. */
export async function seedDemoStory(
  app: INestApplicationContext,
  workspaceId: string,
  adminId: string,
  story: DemoStory,
  options: SeedOptions = {},
): Promise<void> {
  const clock = new StoryClock(options.now ?? new Date());
  const progress = new Progress(options.log ?? (() => undefined));
  const history = new DemoHistoryRepository(app.get(DataSource));
  // No automatic cases while the history goes in (they would be opened from every recent detractor and every
  // freshly stored mention); the story opens its own, then the sync starts from the end of the seeding.
  await history.startCaseSyncAt(workspaceId, new Date(Date.now() + DAY_MS));
  await history.holdFeedbackSync(workspaceId, new Date(Date.now() + DAY_MS));

  const plan = planStory(story, clock);
  progress.note('story planned');
  const team = await seedTeam(app, workspaceId, adminId);
  progress.note(`team of ${Object.keys(team.members).length}, ${Object.keys(team.touchpoints).length} touchpoints and their SLA policies`);
  await seedCustomers(app, workspaceId, plan.customers, clock, history, progress);
  const surveys = await createSurveys(app, workspaceId, adminId);
  await seedResponses(workspaceId, surveys, plan.responses, story, clock, history, progress);
  await seedChurn(app, workspaceId, plan.cancellations, clock, history, progress);
  await seedMentions(app, workspaceId, plan.mentions, clock, progress);
  await seedCases(app, workspaceId, team, surveys, plan.responses, plan.cancellations, story, clock, history, progress);
  await seedStatusHistory(app, workspaceId, plan.customers, story.seed, team, clock, progress);
  await seedProspects(app, workspaceId, plan.customers.length, story.seed, clock, history, progress);
  await seedActivity(app, workspaceId, plan.customers, story.seed, clock, progress);
  await seedSegments(app, workspaceId, adminId, progress);
  await seedManagers(app, workspaceId, team, plan.customers, story.seed, progress);
  // After the managers: each open warning's case goes to the customer's account manager.
  await seedEarlyWarning(app, workspaceId, adminId, team, clock, progress);
  await seedPromises(app, workspaceId, team, story.seed, clock, progress);
  await seedMisrouting(app, workspaceId, team, story.seed, clock, progress);
  await seedMirror(app, workspaceId, team, surveys, story.seed, clock, progress);
  await seedServiceAudit(app, workspaceId, team, story.seed, progress);
  await seedParameters(app, workspaceId, adminId, plan.customers, story, clock, progress);
  await seedMessaging(app, workspaceId, adminId, plan.customers, clock, progress);
  await seedContactPolicy(app, workspaceId, adminId, plan.customers, surveys, story.seed, clock, progress);
  await seedCaseReplies(app, workspaceId, adminId, plan.customers, clock, progress);
  await seedInvitations(app, workspaceId, adminId, plan.customers, surveys, story.seed, clock, progress);
  await seedWinBack(app, workspaceId, team, story.seed, clock, progress);
  await seedCompensation(app, workspaceId, team, story.seed, clock, progress);
  await seedPublicAnswers(app, workspaceId, team, story.seed, clock, progress);
  await seedHistoryImport(app, workspaceId, plan.customers, surveys, story.seed, clock, progress);
  await history.startCaseSyncAt(workspaceId, new Date());
  if (!story.clusters) await history.holdFeedbackSync(workspaceId, null);
  const clusters = story.clusters ? await seedClusters(app, workspaceId, history, progress) : { done: Promise.resolve() };
  progress.note('story told');
  if (!options.clustersInBackground) await clusters.done;
}
