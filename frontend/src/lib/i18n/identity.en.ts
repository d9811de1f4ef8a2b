/** Strings of Settings → Identity verification and the survey builder's identity switch (mounted as `identity` in en.ts). */
export const identityEn = {
  tab: 'Identity verification',
  title: 'Identity verification',
  intro:
    'Prove which customer a widget speaks for. Your server signs the customer id with this secret and the page passes the signature to the widget next to the id. Surveys and cancellation flows that require it refuse a customer id without a valid signature.',
  adminOnly: 'Only workspace admins can see the identity secret.',
  secretTitle: 'Identity secret',
  secretLabel: 'Identity secret',
  hiddenText: 'The secret is hidden. Keep it on your server only: whoever has it can speak for any of your customers.',
  reveal: 'Show secret',
  hide: 'Hide',
  rotate: 'Rotate secret',
  rotateTitle: 'Rotate the identity secret?',
  rotateText:
    'A new secret is created at once. Signatures made with the current secret keep working for 24 hours, so there is time to put the new one on your servers.',
  rotated: 'A new secret is in use.',
  previousValid: (until: string) => `Signatures made with the previous secret are accepted until ${until}.`,
  signTitle: 'Sign the customer id on your server',
  signIntro: 'The signature is the hex HMAC-SHA256 of the customer id, keyed with the secret. Never compute it in the browser.',
  embedTitle: 'Pass it to the widgets',
  embedIntro:
    'Link surveys take it as &customerHash=… after ?customerId=…, the cancellation widget as data-customer-hash or OtklikCancel.open({ customerId, customerHash }).',
  cancellationNote:
    'Cancellation flows require a verified customer by default: a cancellation marks the customer as left and is sent to your webhooks.',
  surveyTitle: 'Customer identity',
  surveySwitch: 'Require verified customer identity',
  surveyHint:
    'On: an answer that names a customer must carry the signature from your server (Settings → Identity verification), otherwise it is refused. Anonymous answers are still accepted. Off: unsigned customer ids are kept but marked unverified and never change the customer.',
};

export type IdentityMessages = typeof identityEn;
