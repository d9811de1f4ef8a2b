/** Strings of the invitation flows, the account page, password resets (wired in as `account` in en.ts). */
export const accountEn = {
  menuLink: 'Account settings',
  invite: {
    signedInAs: (email: string) => `You are signed in as ${email}.`,
    accept: 'Accept invitation',
    accepting: 'Joining…',
    wrongAccount: (invited: string, current: string) =>
      `This invitation is for ${invited}, but you are signed in as ${current}. Sign out, then sign in as ${invited} to accept it.`,
    signOut: 'Sign out',
    haveAccountTitle: 'Already have an Otklik account?',
    haveAccountText: 'Sign in with it, then accept the invitation on this page.',
    signInToAccept: 'Sign in to accept',
    newAccountTitle: 'New to Otklik?',
    newAccountText: (email: string) => `We will email a code to ${email} to confirm that the address is yours.`,
    sendCode: 'Email me a code',
    sendingCode: 'Sending…',
    codeSent: (email: string) =>
      `We sent an email to ${email}. If the address already has an account, the email says so: then sign in instead.`,
    code: 'Code from the email',
    codeHint: '8 digits, valid for 15 minutes.',
    resend: 'Send a new code',
    passwordHint: 'At least 10 characters.',
    create: 'Create account and join',
    creating: 'Creating your account…',
  },
  page: {
    title: 'Your account',
    intro: 'Settings of your own account. They apply in every workspace you belong to.',
  },
  password: {
    title: 'Change password',
    intro: 'Other devices and browsers are signed out when the password changes; this one stays signed in.',
    current: 'Current password',
    next: 'New password',
    nextHint: 'At least 10 characters.',
    submit: 'Change password',
    pending: 'Saving…',
    changed: 'Your password was changed. Your other sessions were signed out.',
  },
  everywhere: {
    title: 'Sign out everywhere',
    intro: 'Ends every session of your account on every device and browser, this one included.',
    button: 'Sign out everywhere',
    confirmTitle: 'Sign out everywhere?',
    confirmText: 'You will be signed out on all devices, including this one, and need to sign in again.',
  },
  reset: {
    pageTitle: 'Set a new password',
    intro: 'Choose a new password for your Otklik account. Setting it signs you out on every device.',
    newPassword: 'New password',
    submit: 'Set new password',
    pending: 'Saving…',
    done: 'Your password was changed. Sign in with the new one.',
    invalidTitle: 'Link not available',
    invalidText: 'This link is invalid, has expired or was already used. Ask a workspace admin for a new one.',
    goToLogin: 'Go to sign in',
  },
  memberReset: {
    button: 'Reset password',
    buttonFor: (name: string) => `Email ${name} a link to set a new password`,
    confirmTitle: 'Send a password reset link?',
    confirmText: (name: string, email: string) =>
      `${name} gets an email at ${email} with a one-time link to set a new password. You will not see the link, and their password stays as it is until they use it.`,
    confirm: 'Send link',
    sent: (email: string) => `A password reset link was emailed to ${email}.`,
  },
};

export type AccountMessages = typeof accountEn;
