/**
 * Four problems customers of a delivery service write about, each in 12 wordings (Russian and English): well
 * separated, so any working clustering puts each problem in a cluster of its own. Used by the Clusters API and
 * browser tests.
 */
export const COMPLAINT_TOPICS: Record<string, string[]> = {
  late: [
    'Курьер опоздал на два часа', 'Доставка опять опоздала на час', 'Заказ привезли с опозданием в три часа', 'Курьер задержался и не предупредил об опоздании',
    'Опоздание доставки уже третий раз', 'Доставку задержали на целый день', 'Курьер приехал позже обещанного времени на два часа', 'Снова опоздал курьер, ждала весь вечер',
    'Привезли с опозданием, окно доставки не соблюдают', 'Опоздали с доставкой к празднику', 'Курьер опоздал и даже не извинился', 'Доставка задерживается каждый раз',
  ],
  charge: [
    'Списали деньги дважды за один заказ', 'Двойное списание с карты', 'С карты списали сумму два раза', 'Деньги за заказ списали дважды, верните',
    'Двойное списание денег при оплате', 'Списали оплату два раза, банк подтвердил', 'Повторное списание денег за тот же заказ', 'Почему с карты списали деньги два раза?',
    'Снова двойное списание с карты', 'Списание прошло дважды, жду возврат денег', 'Деньги списали два раза за одну покупку', 'Дважды списали оплату с карты',
  ],
  app: [
    'Приложение вылетает при оплате', 'Приложение зависает и закрывается', 'После обновления приложение не запускается', 'Приложение крашится на экране оплаты',
    'Вылетает приложение при входе в аккаунт', 'Приложение постоянно вылетает', 'Приложение не открывается после обновления', 'Приложение зависает на экране корзины',
    'Опять вылетает приложение на телефоне', 'Приложение закрывается само при оформлении', 'Приложение тормозит и вылетает', 'Не запускается приложение, белый экран',
  ],
  support: [
    'Support never answers my emails', 'Nobody from support replied to my ticket', 'Support ignored my complaint for a week', 'Waited two hours on the phone, support did not answer',
    'Support team does not respond to messages', 'My ticket has no reply from support', 'Customer support never replies', 'Support chat is always unanswered',
    'I emailed support three times, no answer', 'Support did not reply to my complaint', 'No response from customer support at all', 'Support ignores every message I send',
  ],
};
