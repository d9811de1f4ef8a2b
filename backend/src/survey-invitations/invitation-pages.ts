import { noticePage, unsubscribeConfirmPage as confirmPage } from '../messaging/email/recipient-pages';
import { invitationWording } from './invitation-wording';

// The pages a recipient of an invitation sees outside the dashboard, in the shared recipient-page look.

export function unsubscribeConfirmPage(language: string, action: string): string {
  const w = invitationWording(language);
  return confirmPage(language, action, { title: w.unsubscribeTitle, question: w.unsubscribeQuestion, button: w.unsubscribeButton });
}

export function unsubscribedPage(language: string): string {
  const w = invitationWording(language);
  return noticePage(language, 'unsubscribed', w.unsubscribedTitle, w.unsubscribedText);
}

export function unknownInvitationPage(language: string): string {
  const w = invitationWording(language);
  return noticePage(language, 'invitation-unknown', w.unknownTitle, w.unknownText);
}

export function closedSurveyPage(language: string): string {
  const w = invitationWording(language);
  return noticePage(language, 'invitation-closed', w.closedTitle, w.closedText);
}
