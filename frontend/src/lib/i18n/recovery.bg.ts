import type { RecoveryMessages } from './recovery.en';

export const recoveryBg: RecoveryMessages = {
  title: 'Връщане на клиенти',
  intro:
    'Как да върнем клиентите след проблем: да кажем на засегнатите от поправен проблем и да видим кой се връща, да компенсираме в рамките на бюджет и да отговаряме на оплаквания публично.',
  tabsLabel: 'Раздели за връщане на клиенти',
  fixesTab: 'Поправки и връщане',
  compensationTab: 'Компенсации',
  publicTab: 'Публични отговори',
};
