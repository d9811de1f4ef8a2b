import type { LinkSurveyMessages } from './link-survey.en';

/** Строки страницы опроса по ссылке `/s/{publicKey}` (подключены как `linkSurvey` в ru.ts). */
export const linkSurveyRu: LinkSurveyMessages = {
  title: 'Ваш отзыв',
  intro: 'Это займёт меньше минуты. Спасибо, что помогаете нам становиться лучше.',
  loading: 'Загружаем опрос…',
  finished: 'Спасибо! Ваш ответ сохранён.',
  closed: 'Этот опрос закрыт или ссылка неверна.',
  answered: 'Вы уже ответили на этот опрос. Спасибо!',
  failed: 'Не удалось загрузить опрос. Проверьте подключение и попробуйте ещё раз.',
  retry: 'Попробовать ещё раз',
};
