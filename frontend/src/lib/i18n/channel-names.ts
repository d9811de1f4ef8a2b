/**
 * Names of the channels a touchpoint or a case comes through (the SLA clock's channels), in each language; the
 * cases and touchpoints dictionaries share them.
 */

export const channelNamesEn: Record<string, string> = {
  social: 'Social',
  chat: 'Chat',
  messenger: 'Messenger',
  email: 'Email',
  web_form: 'Web form',
  phone: 'Phone',
  survey: 'Survey',
  review: 'Review',
  in_person: 'In person',
  other: 'Other',
};

export const channelNamesRu: Record<string, string> = {
  social: 'Соцсети',
  chat: 'Чат',
  messenger: 'Мессенджер',
  email: 'Почта',
  web_form: 'Веб-форма',
  phone: 'Телефон',
  survey: 'Опрос',
  review: 'Отзыв',
  in_person: 'Лично',
  other: 'Другое',
};

export const channelNamesBg: Record<string, string> = {
  social: 'Социални мрежи',
  chat: 'Чат',
  messenger: 'Месинджър',
  email: 'Имейл',
  web_form: 'Уеб формуляр',
  phone: 'Телефон',
  survey: 'Анкета',
  review: 'Отзив',
  in_person: 'На място',
  other: 'Друго',
};
