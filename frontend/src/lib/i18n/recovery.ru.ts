import type { RecoveryMessages } from './recovery.en';

export const recoveryRu: RecoveryMessages = {
  title: 'Возврат клиентов',
  intro:
    'Как вернуть клиентов после проблемы: сообщить тем, кого задела исправленная проблема, и увидеть, кто вернулся; компенсировать в пределах бюджета; отвечать на жалобы публично.',
  tabsLabel: 'Разделы возврата клиентов',
  fixesTab: 'Исправления и возврат',
  compensationTab: 'Компенсации',
  publicTab: 'Публичные ответы',
};
