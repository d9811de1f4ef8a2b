import { ClusterAlertEntity } from '../complaints/cluster-alert.entity';
import { ClusterRunEntity } from '../complaints/cluster-run.entity';
import { ClusterEntity } from '../complaints/cluster.entity';
import { FeedbackTextEntity } from '../complaints/feedback-text.entity';
import { MentionFeedEntity } from '../mentions/feeds/mention-feed.entity';
import { MentionIngestKeyEntity } from '../mentions/ingest-keys/mention-ingest-key.entity';
import { MentionIngestNonceEntity } from '../mentions/ingest-keys/mention-ingest-nonce.entity';
import { MentionEntity } from '../mentions/mention.entity';
import { MentionAlertEntity } from '../mentions/spikes/mention-alert.entity';
import { CaseEventEntity } from '../cases/case-event.entity';
import { CaseRoutingHopEntity } from '../cases/routing/case-routing-hop.entity';
import { CaseRoutingCursorEntity } from '../cases/case-routing-cursor.entity';
import { CaseSettingsEntity } from '../cases/case-settings.entity';
import { CaseEntity } from '../cases/case.entity';
import { PromiseEntity } from '../promises/promise.entity';
import { SlaPolicyEntity } from '../touchpoints/sla-policy.entity';
import { TouchpointEntity } from '../touchpoints/touchpoint.entity';
import { CancellationFlowEntity } from '../churn/cancellation-flow.entity';
import { CancellationEntity } from '../churn/cancellation.entity';
import { ChurnReasonEntity } from '../churn/churn-reason.entity';
import { ResponseEntity } from '../responses/response.entity';
import { ResponseImportChunkEntity } from '../responses/import/response-import-chunk.entity';
import { ResponseImportErrorEntity } from '../responses/import/response-import-error.entity';
import { ResponseImportEntity } from '../responses/import/response-import.entity';
import { ResponseScoreRollupEntity } from '../responses/response-score-rollup.entity';
import { SurveyDisplayEntity } from '../surveys/survey-display.entity';
import { SurveyVersionEntity } from '../surveys/survey-version.entity';
import { SurveyEntity } from '../surveys/survey.entity';
import { ApiTokenEntity } from '../api-tokens/api-token.entity';
import { PasswordResetEntity } from '../auth/password-reset.entity';
import { IdentitySecretEntity } from '../customer-identity/identity-secret.entity';
import { CustomerEntity } from '../customers/customer.entity';
import { CustomerImportErrorEntity } from '../customers/import/customer-import-error.entity';
import { CustomerImportRowEntity } from '../customers/import/customer-import-row.entity';
import { CustomerImportEntity } from '../customers/import/customer-import.entity';
import { CustomerMomentEntity } from '../customers/moments/customer-moment.entity';
import { CustomerActivityEntity } from '../customers/activity/customer-activity.entity';
import { CustomerStatusChangeEntity } from '../customers/status/customer-status-change.entity';
import { CustomerStatusRulesEntity } from '../customers/status/customer-status-rules.entity';
import { SegmentEntity } from '../segments/segment.entity';
import { CustomerWarningEntity } from '../early-warning/customer-warning.entity';
import { EarlyWarningRulesEntity } from '../early-warning/early-warning-rules.entity';
import { WebhookAttemptEntity } from '../webhooks/webhook-attempt.entity';
import { WebhookDeliveryEntity } from '../webhooks/webhook-delivery.entity';
import { WebhookEndpointEntity } from '../webhooks/webhook-endpoint.entity';
import { SessionEntity } from '../auth/session.entity';
import { InvitationEntity } from '../members/invitation.entity';
import { MembershipEntity } from '../members/membership.entity';
import { UserEntity } from '../users/user.entity';
import { WorkspaceEntity } from '../workspaces/workspace.entity';
import { AuditCheckEntity } from '../service-audit/audit-check.entity';
import { AuditCriterionEntity } from '../service-audit/audit-criterion.entity';
import { AuditProcessEntity } from '../service-audit/audit-process.entity';
import { AuditStepEntity } from '../service-audit/audit-step.entity';
import { MirrorAnswerEntity } from '../mirror/mirror-answer.entity';
import { InboundEmailNonceEntity } from '../messaging/inbound/inbound-email-nonce.entity';
import { MirrorSurveyEntity } from '../mirror/mirror-survey.entity';
import { ContactPolicySettingsEntity } from '../contact-policy/contact-policy-settings.entity';
import { CustomerSurveyContactEntity } from '../contact-policy/customer-survey-contact.entity';
import { CustomerGuardEntity } from '../contact-policy/customer-guard.entity';
import { MentionPublicAnswerEntity } from '../public-answers/mention-public-answer.entity';
import { MessageEntity } from '../messaging/message.entity';
import { EmailSuppressionEntity } from '../messaging/email-suppression.entity';
import { MessagingSettingsEntity } from '../messaging/messaging-settings.entity';
import { MirrorTouchpointEntity } from '../mirror/mirror-touchpoint.entity';
import { SurveySendEntity } from '../survey-invitations/survey-send.entity';
import { SurveySendRecipientEntity } from '../survey-invitations/survey-send-recipient.entity';
import { CompensationBudgetEntity } from '../compensation/compensation-budget.entity';
import { CompensationGrantEntity } from '../compensation/compensation-grant.entity';
import { RecoveryProblemEntity } from '../win-back/recovery-problem.entity';
import { RecoveryProblemCaseEntity } from '../win-back/recovery-problem-case.entity';
import { RecoveryCustomerEntity } from '../win-back/recovery-customer.entity';
import { RateLimitEntity } from '../common/rate-limits/rate-limit.entity';

export const entities = [
  WorkspaceEntity,
  UserEntity,
  MembershipEntity,
  InvitationEntity,
  ApiTokenEntity,
  SessionEntity,
  PasswordResetEntity,
  IdentitySecretEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  CustomerEntity,
  CustomerImportEntity,
  CustomerImportRowEntity,
  CustomerImportErrorEntity,
  CustomerMomentEntity,
  CustomerStatusChangeEntity,
  CustomerStatusRulesEntity,
  CustomerActivityEntity,
  SegmentEntity,
  EarlyWarningRulesEntity,
  CustomerWarningEntity,
  SurveyEntity,
  SurveyVersionEntity,
  SurveyDisplayEntity,
  ResponseEntity,
  ResponseImportEntity,
  ResponseImportChunkEntity,
  ResponseImportErrorEntity,
  ResponseScoreRollupEntity,
  ChurnReasonEntity,
  CancellationFlowEntity,
  CancellationEntity,
  SlaPolicyEntity,
  TouchpointEntity,
  CaseSettingsEntity,
  CaseRoutingCursorEntity,
  CaseEntity,
  PromiseEntity,
  CaseEventEntity,
  CaseRoutingHopEntity,
  MentionEntity,
  MentionFeedEntity,
  MentionIngestKeyEntity,
  MentionIngestNonceEntity,
  MentionAlertEntity,
  FeedbackTextEntity,
  ClusterEntity,
  ClusterRunEntity,
  ClusterAlertEntity,
  AuditProcessEntity,
  AuditStepEntity,
  AuditCriterionEntity,
  AuditCheckEntity,
  MirrorSurveyEntity,
  MirrorTouchpointEntity,
  MirrorAnswerEntity,
  MessageEntity,
  EmailSuppressionEntity,
  MessagingSettingsEntity,
  InboundEmailNonceEntity,
  SurveySendEntity,
  SurveySendRecipientEntity,
  ContactPolicySettingsEntity,
  CustomerSurveyContactEntity,
  CustomerGuardEntity,
  CompensationBudgetEntity,
  CompensationGrantEntity,
  RecoveryProblemEntity,
  RecoveryProblemCaseEntity,
  RecoveryCustomerEntity,
  MentionPublicAnswerEntity,
  RateLimitEntity,
];
