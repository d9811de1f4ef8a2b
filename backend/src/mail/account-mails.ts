import type { AccountMailLanguage } from './account-mail-language';
import type { MailMessage } from './mailer';

/**
 * The texts of account mails in the recipient's language. Plain text only: nothing from the sender is rendered as
 * markup. The workspace name is quoted with the language's own quotation marks.
 */

interface AccountMailTexts {
  quote(name: string): string;
  codeSubject(code: string): string;
  codeBody(to: string, workspace: string, code: string, minutes: number): string[];
  registeredSubject: string;
  registeredBody(to: string, workspace: string, loginUrl: string, inviteUrl: string): string[];
  resetSubject: string;
  resetBody(workspace: string, resetUrl: string, minutes: number): string[];
}

const TEXTS: Record<AccountMailLanguage, AccountMailTexts> = {
  en: {
    quote: (name) => `"${name}"`,
    codeSubject: (code) => `Your Otklik code: ${code}`,
    codeBody: (to, workspace, code, minutes) => [
      `Someone invited ${to} to the workspace ${workspace} on Otklik.`,
      '',
      `To create your account, enter this code on the invitation page: ${code}`,
      '',
      `The code works for ${minutes} minutes. If you did not ask for it, ignore this mail: no account is created without it.`,
    ],
    registeredSubject: 'You already have an Otklik account',
    registeredBody: (to, workspace, loginUrl, inviteUrl) => [
      `Someone asked to create an Otklik account for ${to} to join the workspace ${workspace}.`,
      '',
      'You already have an account with this address, so no new one is needed: sign in, then accept the invitation.',
      `Sign in: ${loginUrl}`,
      `Invitation: ${inviteUrl}`,
      '',
      'If you did not ask for this, ignore this mail.',
    ],
    resetSubject: 'Set a new Otklik password',
    resetBody: (workspace, resetUrl, minutes) => [
      `An admin of the workspace ${workspace} sent you a link to set a new Otklik password:`,
      '',
      resetUrl,
      '',
      `The link works once, for ${minutes} minutes. Setting a new password signs you out everywhere.`,
      'If you do not want a new password, ignore this mail: your password stays as it is.',
    ],
  },
  ru: {
    quote: (name) => `«${name}»`,
    codeSubject: (code) => `Ваш код для Otklik: ${code}`,
    codeBody: (to, workspace, code, minutes) => [
      `Адрес ${to} пригласили в рабочее пространство ${workspace} в Otklik.`,
      '',
      `Чтобы создать учётную запись, введите этот код на странице приглашения: ${code}`,
      '',
      `Код действует ${minutes} мин. Если вы его не запрашивали, просто проигнорируйте письмо: без кода учётная запись не создаётся.`,
    ],
    registeredSubject: 'У вас уже есть учётная запись Otklik',
    registeredBody: (to, workspace, loginUrl, inviteUrl) => [
      `Кто-то запросил создание учётной записи Otklik для ${to}, чтобы войти в рабочее пространство ${workspace}.`,
      '',
      'С этим адресом учётная запись уже есть, новая не нужна: войдите и примите приглашение.',
      `Вход: ${loginUrl}`,
      `Приглашение: ${inviteUrl}`,
      '',
      'Если вы этого не запрашивали, проигнорируйте письмо.',
    ],
    resetSubject: 'Новый пароль для Otklik',
    resetBody: (workspace, resetUrl, minutes) => [
      `Администратор рабочего пространства ${workspace} прислал вам ссылку, чтобы задать новый пароль для Otklik:`,
      '',
      resetUrl,
      '',
      `Ссылка работает один раз в течение ${minutes} мин. После смены пароля все ваши сеансы завершатся.`,
      'Если новый пароль не нужен, проигнорируйте письмо: пароль останется прежним.',
    ],
  },
  bg: {
    quote: (name) => `„${name}“`,
    codeSubject: (code) => `Вашият код за Otklik: ${code}`,
    codeBody: (to, workspace, code, minutes) => [
      `Адресът ${to} е поканен в работното пространство ${workspace} в Otklik.`,
      '',
      `За да създадете профил, въведете този код на страницата на поканата: ${code}`,
      '',
      `Кодът важи ${minutes} мин. Ако не сте го поискали, пренебрегнете писмото: без него профил не се създава.`,
    ],
    registeredSubject: 'Вече имате профил в Otklik',
    registeredBody: (to, workspace, loginUrl, inviteUrl) => [
      `Някой поиска профил в Otklik за ${to}, за да се присъедини към работното пространство ${workspace}.`,
      '',
      'С този адрес вече има профил, нов не е нужен: влезте и приемете поканата.',
      `Вход: ${loginUrl}`,
      `Покана: ${inviteUrl}`,
      '',
      'Ако не сте поискали това, пренебрегнете писмото.',
    ],
    resetSubject: 'Нова парола за Otklik',
    resetBody: (workspace, resetUrl, minutes) => [
      `Администратор на работното пространство ${workspace} ви изпрати връзка за нова парола за Otklik:`,
      '',
      resetUrl,
      '',
      `Връзката работи веднъж, в рамките на ${minutes} мин. Смяната на паролата ви изписва от всички устройства.`,
      'Ако не искате нова парола, пренебрегнете писмото: паролата ви остава същата.',
    ],
  },
};

export function invitationCodeMail(
  language: AccountMailLanguage,
  to: string,
  workspaceName: string,
  code: string,
  minutes: number,
): MailMessage {
  const t = TEXTS[language];
  return { to, subject: t.codeSubject(code), text: t.codeBody(to, t.quote(workspaceName), code, minutes).join('\n') };
}

export function alreadyRegisteredMail(
  language: AccountMailLanguage,
  to: string,
  workspaceName: string,
  inviteUrl: string,
  loginUrl: string,
): MailMessage {
  const t = TEXTS[language];
  return { to, subject: t.registeredSubject, text: t.registeredBody(to, t.quote(workspaceName), loginUrl, inviteUrl).join('\n') };
}

export function passwordResetMail(
  language: AccountMailLanguage,
  to: string,
  workspaceName: string,
  resetUrl: string,
  minutes: number,
): MailMessage {
  const t = TEXTS[language];
  return { to, subject: t.resetSubject, text: t.resetBody(t.quote(workspaceName), resetUrl, minutes).join('\n') };
}
