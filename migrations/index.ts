import { Foundation1763900000000 } from './1763900000000-foundation';
import { Surveys1763990000000 } from './1763990000000-surveys';
import { Customers1764000000000 } from './1764000000000-customers';
import { ChurnReasons1764010000000 } from './1764010000000-churn-reasons';
import { Cancellations1764020000000 } from './1764020000000-cancellations';
import { ChurnSettings1764030000000 } from './1764030000000-churn-settings';
import { Webhooks1796173600909 } from './1796173600909-webhooks';
import { Mentions1796174304251 } from './1796174304251-mentions';
import { CustomerTimeline1796173672590 } from './1796173672590-customer-timeline';
import { CustomerImports1796173703439 } from './1796173703439-customer-imports';
import { Complaints1796175786413 } from './1796175786413-complaints';
import { Touchpoints1796178250679 } from './1796178250679-touchpoints';
import { Cases1796178327574 } from './1796178327574-cases';
import { CustomerMoments1796189699180 } from './1796189699180-customer-moments';
import { CasePeriodIndex1796190000000 } from './1796190000000-case-period-index';
import { CustomerIdentity1796668968000 } from './1796668968000-customer-identity';
import { AccountSecurity1796672417351 } from './1796672417351-account-security';
import { ClusterMergeGuard1796680556000 } from './1796680556000-cluster-merge-guard';
import { SurveyRevision1796681873000 } from './1796681873000-survey-revision';
import { CancellationFlowBuilder1796690417263 } from './1796690417263-cancellation-flow-builder';
import { CaseTitleKeys1796691651830 } from './1796691651830-case-title-keys';
import { CustomerBase1796700000000 } from './1796700000000-customer-base';
import { ActivityReceivedIndex1796700041000 } from './1796700041000-activity-received-index';
import { RfmPreviousGroup1796700090000 } from './1796700090000-rfm-previous-group';
import { Promises1796800000000 } from './1796800000000-promises';
import { ServiceAudit1796810000000 } from './1796810000000-service-audit';
import { CaseRoutingHops1796820000000 } from './1796820000000-case-routing-hops';
import { MirrorSurveys1796830000000 } from './1796830000000-mirror-surveys';
import { FeedbackTextQuestion1796840000000 } from './1796840000000-feedback-text-question';
import { ClusterQuestion1796850000000 } from './1796850000000-cluster-question';
import { ContactPolicy1796930000000 } from './1796930000000-contact-policy';
import { MessageHeldAt1796940000000 } from './1796940000000-message-held-at';
import { Compensation1796960000000 } from './1796960000000-compensation';
import { WinBack1796950000000 } from './1796950000000-win-back';
import { WinBackUnsubscribe1796951000000 } from './1796951000000-win-back-unsubscribe';
import { PublicAnswers1796970000000 } from './1796970000000-public-answers';
import { MentionsStageFilter1796980000000 } from './1796980000000-mentions-stage-filter';
import { ResponseScoreRollups1797000000000 } from './1797000000000-response-score-rollups';
import { DashboardAggregateIndexes1797010000000 } from './1797010000000-dashboard-aggregate-indexes';
import { ResponseImports1797020000000 } from './1797020000000-response-imports';
import { FeedbackTextPoolOrder1797030000000 } from './1797030000000-feedback-text-pool-order';
import { SharedRateLimits1797040000000 } from './1797040000000-shared-rate-limits';
import { RollupDeleteLockOrder1797045000000 } from './1797045000000-rollup-delete-lock-order';
import { Messaging1796900000000 } from './1796900000000-messaging';
import { CaseReplies1796910000000 } from './1796910000000-case-replies';
import { SurveyInvitations1796920000000 } from './1796920000000-survey-invitations';

/** Every migration, oldest first. Landed migrations are never edited: add a new one. */
export const migrations = [
  Foundation1763900000000,
  Surveys1763990000000,
  Customers1764000000000,
  ChurnReasons1764010000000,
  Cancellations1764020000000,
  ChurnSettings1764030000000,
  Webhooks1796173600909,
  Mentions1796174304251,
  CustomerTimeline1796173672590,
  CustomerImports1796173703439,
  Complaints1796175786413,
  Touchpoints1796178250679,
  Cases1796178327574,
  CustomerMoments1796189699180,
  CasePeriodIndex1796190000000,
  CustomerIdentity1796668968000,
  AccountSecurity1796672417351,
  ClusterMergeGuard1796680556000,
  SurveyRevision1796681873000,
  CancellationFlowBuilder1796690417263,
  CaseTitleKeys1796691651830,
  CustomerBase1796700000000,
  ActivityReceivedIndex1796700041000,
  RfmPreviousGroup1796700090000,
  Promises1796800000000,
  ServiceAudit1796810000000,
  CaseRoutingHops1796820000000,
  MirrorSurveys1796830000000,
  FeedbackTextQuestion1796840000000,
  ClusterQuestion1796850000000,
  Messaging1796900000000,
  CaseReplies1796910000000,
  SurveyInvitations1796920000000,
  ContactPolicy1796930000000,
  MessageHeldAt1796940000000,
  Compensation1796960000000,
  WinBack1796950000000,
  WinBackUnsubscribe1796951000000,
  PublicAnswers1796970000000,
  MentionsStageFilter1796980000000,
  ResponseScoreRollups1797000000000,
  DashboardAggregateIndexes1797010000000,
  ResponseImports1797020000000,
  FeedbackTextPoolOrder1797030000000,
  SharedRateLimits1797040000000,
  RollupDeleteLockOrder1797045000000,
];
