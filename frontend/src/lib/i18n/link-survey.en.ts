/** Strings of the hosted link-survey page `/s/{publicKey}` (wired in as `linkSurvey` in en.ts). */
export const linkSurveyEn = {
  title: 'Your feedback',
  intro: 'It takes less than a minute. Thank you for helping us get better.',
  loading: 'Loading the survey…',
  finished: 'Thank you! Your answer is saved.',
  closed: 'This survey is closed or the link is wrong.',
  expired: 'This invitation link has expired or is incomplete. Thank you for wanting to answer!',
  answered: 'You have already answered this survey. Thank you!',
  failed: 'The survey could not be loaded. Check your connection and try again.',
  retry: 'Try again',
  unsent: (score: string) => `Your score: ${score}. It is not saved yet.`,
  sendScore: 'Send my score',
};

export type LinkSurveyMessages = typeof linkSurveyEn;
