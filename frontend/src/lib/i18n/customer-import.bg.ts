import type { CustomerImportMessages } from './customer-import.en';
import { pluralBg } from './plural';

/** Низове на съветника за импорт на клиенти (включени като `customerImport` в bg.ts). */
export const customerImportBg: CustomerImportMessages = {
	button: 'Импорт',
	title: 'Импорт на клиенти',
	intro: 'Качете CSV или Excel файл, проверете как колоните му съответстват на полетата на клиента и импортирайте. Редовете обновяват клиентите със същото външно ID, така че повторният импорт на файл никога не създава дубликати.',
	back: 'Всички клиенти',
	steps: {
		label: 'Стъпки на импорта',
		file: 'Избор на файл',
		map: 'Съпоставяне на колоните',
		run: 'Импорт'
	},
	stepOf: (step: number, total: number) => `Стъпка ${step} от ${total}`,
	file: {
		drop: 'Пуснете тук файл .csv или .xlsx',
		or: 'или',
		choose: 'Изберете файл',
		inputLabel: 'Файл за импорт',
		hint: 'До 10 MB и 50 000 реда. Първият ред трябва да съдържа имената на колоните. CSV в UTF-8 или Windows-1251, разделен със запетаи, точка и запетая или табулации; при Excel се чете първият лист.',
		uploading: (name: string) => `Четене на ${name}…`,
		wrongType: 'Изберете файл .csv или .xlsx.'
	},
	uploadErrors: {
		file_too_large: 'Файлът е по-голям от 10 MB. Разделете го на по-малки файлове и ги импортирайте един по един.',
		too_many_rows: 'Файлът има повече от 50 000 реда. Разделете го на по-малки файлове.',
		empty_file: 'Файлът е празен.',
		no_rows: 'Файлът има заглавен ред, но под него няма клиенти.',
		unsupported_format: 'Този тип файл не се поддържа. Запазете го като .csv или .xlsx (работна книга на Excel).',
		unreadable_xlsx: 'Файлът на Excel не може да бъде прочетен. Запазете го отново като .xlsx или .csv.',
		xlsx_too_large: 'Файлът на Excel се разархивира до повече от 100 MB данни на листа. Запазете листа като CSV или разделете файла на по-малки.',
		xlsx_too_many_parts: 'Файлът на Excel има твърде много части за обикновена работна книга. Запазете го отново от Excel или като CSV.',
		file_too_complex: 'Файлът е твърде сложен за четене. Запазете го като обикновен CSV или го разделете на по-малки файлове.'
	},
	fileSummary: (rows: string, columns: number) => `Редове: ${rows}, ${columns} ${pluralBg(columns, 'колона', 'колони')}`,
	formats: { csv: 'CSV', xlsx: 'Работна книга на Excel' },
	encodings: {
		'utf-8': 'UTF-8',
		'utf-8-bom': 'UTF-8 с BOM',
		'utf-16le': 'UTF-16',
		'windows-1251': 'Windows-1251 (кирилица)'
	},
	delimiters: { ',': 'запетая', ';': 'точка и запетая', '\t': 'табулация', '|': 'вертикална черта' },
	detected: (format: string, encoding: string | null, delimiter: string | null) =>
		[format, encoding, delimiter ? `разделител: ${delimiter}` : null].filter(Boolean).join(' · '),
	otherFile: 'Изберете друг файл',
	mapping: {
		title: 'Съпоставяне на колоните',
		intro: 'Изберете поле на клиента за всяка колона. Колоните, запазени като атрибути, се съхраняват под собственото си име; пропуснатите колони не се импортират. Празните клетки никога не изтриват вече съхранени данни.',
		selectLabel: (column: string) => `Поле за колона „${column}“`,
		ignore: 'Не импортирай',
		attribute: (name: string) => `Атрибут: ${name}`,
		fields: {
			externalId: 'Външно ID',
			name: 'Име',
			email: 'Имейл',
			phone: 'Телефон',
			lifecycleStage: 'Етап от жизнения цикъл',
			segment: 'Сегмент',
			mrr: 'MRR',
			orderCount: 'Поръчки',
			firstSeenAt: 'Първо посещение',
			lastSeenAt: 'Последно посещение',
			'consents.survey': 'Съгласие за анкети (да/не)',
			'consents.marketing': 'Съгласие за маркетинг (да/не)'
		},
		needExternalId: 'Съпоставете една колона с „Външно ID“: по него се определя кой клиент създава или обновява всеки ред.',
		duplicate: (field: string) => `„${field}“ е избрано за повече от една колона.`,
		previewLabel: 'Първите редове на файла с избраното поле за всяка колона',
		row: 'Ред',
		previewNote: (shown: number, total: string) => `Показани са първите редове: ${shown} от ${total}.`
	},
	check: {
		title: 'Проверка',
		checking: 'Проверка на редовете…',
		summary: (valid: string, invalid: string) => `Готови редове: ${valid}, с грешки: ${invalid}`,
		partial: (checked: string, total: string) =>
			`Проверени са първите редове: ${checked} от ${total}. При импорта се проверява всеки ред и се докладват останалите грешки.`,
		allGood: 'Всички редове могат да бъдат импортирани.',
		duplicates: (shown: string, count: number) => `${shown} ${pluralBg(count, 'ред повтаря', 'реда повтарят')} външно ID от по-ранен ред: важи по-късният ред.`,
		errorsLabel: 'Редове с грешки',
		more: 'Показани са само първите грешки.',
		badRowsKept: 'Редовете с грешки се пропускат и се докладват; всички останали редове се импортират.',
		row: 'Ред',
		column: 'Колона',
		message: 'Проблем'
	},
	start: 'Започни импорта',
	starting: 'Стартиране…',
	run: {
		title: 'Импортиране',
		progressLabel: 'Напредък на импорта',
		progressText: (done: string, total: string, percent: number) => `${done} от ${total} реда (${percent}%)`,
		running: 'Импортиране… Можете да напуснете страницата: импортът продължава на сървъра.',
		completed: 'Импортът приключи',
		failed: 'Импортът спря',
		created: 'Създадени',
		updated: 'Обновени',
		failedRows: 'Неимпортирани',
		errorsTitle: 'Неимпортирани редове',
		downloadErrors: 'Изтегли всички грешки (CSV)',
		toCustomers: 'Към клиентите',
		another: 'Импортирай друг файл'
	},
	recent: {
		title: 'Последни импорти',
		file: 'Файл',
		status: 'Статус',
		when: 'Качен',
		result: 'Резултат',
		resultText: (created: string, updated: string, failed: string) => `създадени ${created}, обновени ${updated}, неуспешни ${failed}`,
		none: 'Все още няма импорти.'
	},
	statuses: {
		previewing: 'Не е започнат',
		running: 'Изпълнява се',
		completed: 'Завършен',
		failed: 'Неуспешен'
	}
};
