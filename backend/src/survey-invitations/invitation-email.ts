import { localizeQuestions, type Question } from '@otklik/survey-model';
import type { EmailBlock, OutboundMessageInput } from '../messaging/message-types';
import type { SurveysReader } from '../surveys/surveys.reader';
import { invitationWording } from './invitation-wording';

/** A survey as the surveys module's reader gives it (settings and current questions). */
export type SentSurvey = NonNullable<Awaited<ReturnType<SurveysReader['findById']>>>;

/** What the email needs of the survey: its key, languages and current questions. */
export interface InvitationSurvey {
  publicKey: string;
  defaultLanguage: string;
  questions: Question[];
}

export type InvitationEmail = Pick<OutboundMessageInput, 'subject' | 'text' | 'blocks' | 'unsubscribeUrl'>;

/** The links a recipient's token opens (the API's public invitation routes and the link survey page). */
export const invitationLinks = (publicUrl: string, token: string, publicKey: string) => ({
  score: (value: number) => `${publicUrl}/api/v1/public/invitations/${token}/score/${value}`,
  survey: `${publicUrl}/s/${encodeURIComponent(publicKey)}?invitation=${token}`,
  unsubscribe: `${publicUrl}/api/v1/public/invitations/${token}/unsubscribe`,
});

/** The first question when it is a score (NPS 0–10, CSAT 1–5, CES 1–7, any rating): it goes in the email itself. */
export function scoreQuestion(questions: Question[]): Question | null {
  const first = questions[0];
  if (!first) return null;
  if (first.type === 'nps') return first;
  return first.type === 'rating' && first.scale ? first : null;
}

/** The values a score question takes (nps: 0..10). */
export function scoreRange(question: Question): { min: number; max: number } {
  return question.type === 'nps' ? { min: 0, max: 10 } : { min: question.scale!.min, max: question.scale!.max };
}

/**
 * The invitation (or its one reminder) in the recipient's language: the survey's first question as a row of score
 * links when it is a score, else a button to the survey page; the plain-text part carries every link too.
 */
export function buildInvitationEmail(
  survey: InvitationSurvey,
  opts: { language: string; token: string; publicUrl: string; reminder: boolean },
): InvitationEmail {
  const words = invitationWording(opts.language);
  const links = invitationLinks(opts.publicUrl, opts.token, survey.publicKey);
  const [first] = localizeQuestions(survey.questions.slice(0, 1), opts.language, survey.defaultLanguage);
  const scored = scoreQuestion(survey.questions);
  const intro = opts.reminder ? words.reminderIntro : words.intro;
  const blocks: EmailBlock[] = [{ kind: 'paragraph', text: intro }];
  const text: string[] = [intro, ''];
  if (scored && first) {
    const { min, max } = scoreRange(scored);
    const choices = Array.from({ length: max - min + 1 }, (_, i) => ({ label: String(min + i), url: links.score(min + i) }));
    blocks.push({
      kind: 'scale',
      question: first.text,
      choices,
      ...(first.scale?.minLabel ? { lowLabel: first.scale.minLabel } : {}),
      ...(first.scale?.maxLabel ? { highLabel: first.scale.maxLabel } : {}),
    });
    blocks.push({ kind: 'paragraph', text: words.scaleHint });
    text.push(first.text, '', words.textChoose, ...choices.map((c) => `${c.label}: ${c.url}`));
  } else {
    if (first) {
      blocks.push({ kind: 'heading', text: first.text });
      text.push(first.text, '');
    }
    blocks.push({ kind: 'button', label: words.openSurvey, url: links.survey });
    text.push(`${words.openSurvey}: ${links.survey}`);
  }
  return {
    subject: opts.reminder ? words.reminderSubject : words.subject,
    text: text.join('\n'),
    blocks,
    unsubscribeUrl: links.unsubscribe,
  };
}
