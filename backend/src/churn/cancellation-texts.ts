import type { CancellationUiText } from '@otklik/survey-model';

const TEXT: Record<string, CancellationUiText> = {
  en: {
    title: 'Why are you cancelling?',
    otherPlaceholder: 'Tell us more',
    followUp: 'Anything else we should know?',
    next: 'Next',
    accept: 'Accept the offer',
    decline: 'No thanks, cancel',
    savedConfirmation: 'Great, you stay with us. The offer is applied.',
    cancelledConfirmation: 'Your subscription is cancelled. Thank you for your feedback.',
    close: 'Close',
  },
  ru: {
    title: 'Почему вы отменяете подписку?',
    otherPlaceholder: 'Расскажите подробнее',
    followUp: 'Что ещё нам стоит знать?',
    next: 'Далее',
    accept: 'Принять предложение',
    decline: 'Нет, спасибо, отменить',
    savedConfirmation: 'Отлично, вы остаётесь с нами. Предложение применено.',
    cancelledConfirmation: 'Подписка отменена. Спасибо за отзыв.',
    close: 'Закрыть',
  },
  bg: {
    title: 'Защо прекратявате абонамента?',
    otherPlaceholder: 'Разкажете ни повече',
    followUp: 'Нещо друго, което трябва да знаем?',
    next: 'Напред',
    accept: 'Приемам офертата',
    decline: 'Не, благодаря, прекрати',
    savedConfirmation: 'Чудесно, оставате с нас. Офертата е приложена.',
    cancelledConfirmation: 'Абонаментът е прекратен. Благодарим за отзива.',
    close: 'Затвори',
  },
  de: {
    title: 'Warum kündigen Sie?',
    otherPlaceholder: 'Erzählen Sie uns mehr',
    followUp: 'Gibt es noch etwas, das wir wissen sollten?',
    next: 'Weiter',
    accept: 'Angebot annehmen',
    decline: 'Nein danke, kündigen',
    savedConfirmation: 'Schön, dass Sie bleiben. Das Angebot ist aktiv.',
    cancelledConfirmation: 'Ihr Abo ist gekündigt. Danke für Ihr Feedback.',
    close: 'Schließen',
  },
};

export const cancellationUiText = (language: string): CancellationUiText => TEXT[language] ?? TEXT.en;
