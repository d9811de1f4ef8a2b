import { pluralEn } from './plural';

/** Strings of Settings → Contact policy, the customer profile's contact card and the survey builder's opt-out (mounted as `contactPolicy`). */
export const contactPolicyEn = {
  tab: 'Contact policy',
  title: 'Contact policy',
  intro:
    'One set of rules for every survey and message: how often a customer may be asked, and when nothing but service messages may reach them.',
  frequencyTitle: 'Contact frequency',
  frequencyDays: 'Ask a customer at most once per, days',
  frequencyHint: 'Across all surveys and channels: widgets, links and email invitations. 0 turns the cap off (0–365).',
  guardTitle: 'Communication guard',
  guardEnabled: 'Hold marketing and surveys for upset customers',
  guardOpenComplaints: 'While the customer has an open complaint',
  cancellationDays: 'Days after a cancellation',
  cancellationHint: 'Counted from a cancellation by a verified customer. 0 = not after cancellations.',
  slaBreachDays: 'Days after a breached SLA',
  slaBreachHint: "Counted from the moment one of the customer's cases missed its SLA target. 0 = not after breaches.",
  save: 'Save policy',
  saving: 'Saving…',
  saved: 'Saved. The guard picks up the new periods within minutes.',
  defaults: 'The workspace uses the default policy.',
  updated: (name: string, when: string) => `Last changed by ${name}, ${when}.`,
  updatedWhen: (when: string) => `Last changed ${when}.`,
  adminOnly: 'Only workspace admins can change the contact policy.',
  howTitle: 'How it works',
  how: [
    'Service messages — case replies, receipts — always go.',
    'Surveys: a customer asked by any survey is not asked again until the period passes. A survey can opt out in its settings; a link the customer was sent still opens.',
    'Marketing and greetings, and surveys, are held while the guard covers the customer; the guard is shown on the customer profile.',
    'Withdrawn consent for surveys or marketing refuses that purpose.',
    'CRMs and mailing tools ask GET …/customers/{externalId}/contact-guard?purpose=marketing before they write.',
  ],
  // The customer profile's card
  cardTitle: 'Contact policy',
  surveyLabel: 'Surveys',
  marketingLabel: 'Marketing and greetings',
  allowed: 'Allowed',
  held: 'Held',
  guardedSince: (when: string) => `Under the guard since ${when}.`,
  lastAsked: (when: string, survey: string, channel: string) => `Last asked ${when} — ${survey} (${channel}).`,
  neverAsked: 'No survey has asked this customer yet.',
  unknownSurvey: 'a deleted survey',
  until: (when: string) => `until ${when}`,
  whileOpen: 'while the case is open',
  openCase: 'Open the case',
  sameReasons: 'For the same reasons as marketing.',
  reasons: {
    open_complaint: 'Open complaint',
    recent_cancellation: 'Recent cancellation',
    recent_sla_breach: 'SLA breached recently',
    contacted_recently: 'Asked recently',
    consent_withdrawn: 'Consent withdrawn',
    address_bounced: 'Address bounced',
  } as Record<string, string>,
  channels: {
    widget: 'widget',
    link: 'link',
    email: 'email',
    sms: 'SMS',
    telegram: 'Telegram',
    whatsapp: 'WhatsApp',
  } as Record<string, string>,
  days: (n: number) => `${n} ${pluralEn(n, 'day', 'days')}`,
  // The survey builder
  surveyTitle: 'Contact policy',
  surveyExempt: 'Skip the contact frequency cap for this survey',
  surveyExemptHint:
    'For surveys customers expect after an action (an order receipt, a closed case). The communication guard still keeps this survey from upset customers.',
};

export type ContactPolicyMessages = typeof contactPolicyEn;
