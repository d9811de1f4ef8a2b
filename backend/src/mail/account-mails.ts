import type { MailMessage } from './mailer';

/** The texts of account mails. Plain text only: nothing from the sender is rendered as markup. */

export function invitationCodeMail(to: string, workspaceName: string, code: string, minutes: number): MailMessage {
  return {
    to,
    subject: `Your Otklik code: ${code}`,
    text: [
      `Someone invited ${to} to the workspace "${workspaceName}" on Otklik.`,
      '',
      `To create your account, enter this code on the invitation page: ${code}`,
      '',
      `The code works for ${minutes} minutes. If you did not ask for it, ignore this mail: no account is created without it.`,
    ].join('\n'),
  };
}

export function alreadyRegisteredMail(to: string, workspaceName: string, inviteUrl: string, loginUrl: string): MailMessage {
  return {
    to,
    subject: 'You already have an Otklik account',
    text: [
      `Someone asked to create an Otklik account for ${to} to join the workspace "${workspaceName}".`,
      '',
      'You already have an account with this address, so no new one is needed: sign in, then accept the invitation.',
      `Sign in: ${loginUrl}`,
      `Invitation: ${inviteUrl}`,
      '',
      'If you did not ask for this, ignore this mail.',
    ].join('\n'),
  };
}

export function passwordResetMail(to: string, workspaceName: string, resetUrl: string, minutes: number): MailMessage {
  return {
    to,
    subject: 'Set a new Otklik password',
    text: [
      `An admin of the workspace "${workspaceName}" sent you a link to set a new Otklik password:`,
      '',
      resetUrl,
      '',
      `The link works once, for ${minutes} minutes. Setting a new password signs you out everywhere.`,
      'If you do not want a new password, ignore this mail: your password stays as it is.',
    ].join('\n'),
  };
}
