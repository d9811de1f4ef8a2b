import type { CustomerImportMessages } from './customer-import.en';
import { pluralRu } from './plural';

/** Строки мастера импорта клиентов (подключены как `customerImport` в ru.ts). */
export const customerImportRu: CustomerImportMessages = {
	button: 'Импорт',
	title: 'Импорт клиентов',
	intro: 'Загрузите файл CSV или Excel, проверьте, какие столбцы в какие поля клиента попадут, и запустите импорт. Строки обновляют клиентов с тем же внешним id, поэтому повторный импорт файла не создаёт дублей.',
	back: 'Все клиенты',
	steps: {
		label: 'Шаги импорта',
		file: 'Файл',
		map: 'Столбцы',
		run: 'Импорт'
	},
	stepOf: (step, total) => `Шаг ${step} из ${total}`,
	file: {
		drop: 'Перетащите сюда файл .csv или .xlsx',
		or: 'или',
		choose: 'Выберите файл',
		inputLabel: 'Файл для импорта',
		hint: 'До 10 МБ и 50 000 строк. В первой строке — названия столбцов. CSV в UTF-8 или Windows-1251, через запятую, точку с запятой или табуляцию; Excel — первый лист.',
		uploading: (name) => `Читаем ${name}…`,
		wrongType: 'Выберите файл .csv или .xlsx.'
	},
	uploadErrors: {
		file_too_large: 'Файл больше 10 МБ. Разделите его на несколько и импортируйте по очереди.',
		too_many_rows: 'В файле больше 50 000 строк. Разделите его на несколько.',
		empty_file: 'Файл пустой.',
		no_rows: 'В файле есть строка заголовков, но нет клиентов.',
		unsupported_format: 'Такой тип файла не поддерживается. Сохраните его как .csv или .xlsx (книга Excel).',
		unreadable_xlsx: 'Не удалось прочитать файл Excel. Сохраните его заново как .xlsx или .csv.',
		xlsx_too_large: 'Файл Excel распаковывается больше чем в 100 МБ данных листа. Сохраните лист как CSV или разделите файл на несколько.',
		xlsx_too_many_parts: 'В файле Excel слишком много частей для обычной книги. Сохраните его заново из Excel или как CSV.',
		file_too_complex: 'Файл слишком сложен для чтения. Сохраните его как обычный CSV или разделите на несколько файлов.'
	},
	fileSummary: (rows, columns) => `строк: ${rows}, столбцов: ${columns}`,
	formats: { csv: 'CSV', xlsx: 'Книга Excel' },
	encodings: {
		'utf-8': 'UTF-8',
		'utf-8-bom': 'UTF-8 с BOM',
		'utf-16le': 'UTF-16',
		'windows-1251': 'Windows-1251 (кириллица)'
	},
	delimiters: { ',': 'запятая', ';': 'точка с запятой', '\t': 'табуляция', '|': 'вертикальная черта' },
	detected: (format, encoding, delimiter) =>
		[format, encoding, delimiter ? `разделитель: ${delimiter}` : null].filter(Boolean).join(' · '),
	otherFile: 'Выбрать другой файл',
	mapping: {
		title: 'Столбцы',
		intro: 'Выберите поле клиента для каждого столбца. Столбцы-атрибуты сохраняются под своим названием, пропущенные не импортируются. Пустые ячейки никогда не стирают уже сохранённые данные.',
		selectLabel: (column) => `Поле для столбца «${column}»`,
		ignore: 'Не импортировать',
		attribute: (name) => `Атрибут: ${name}`,
		fields: {
			externalId: 'Внешний id',
			name: 'Имя',
			email: 'Email',
			phone: 'Телефон',
			lifecycleStage: 'Стадия',
			segment: 'Сегмент',
			mrr: 'MRR',
			orderCount: 'Заказы',
			firstSeenAt: 'Впервые',
			lastSeenAt: 'Последний визит',
			'consents.survey': 'Согласие на опросы (да/нет)',
			'consents.marketing': 'Согласие на рассылку (да/нет)'
		},
		needExternalId: 'Сопоставьте один столбец с полем «Внешний id»: по нему строка создаёт или обновляет клиента.',
		duplicate: (field) => `Поле «${field}» выбрано для нескольких столбцов.`,
		previewLabel: 'Первые строки файла и поле, выбранное для каждого столбца',
		row: 'Строка',
		previewNote: (shown, total) => `Показаны первые ${shown} из ${total} строк.`
	},
	check: {
		title: 'Проверка',
		checking: 'Проверяем строки…',
		summary: (valid, invalid) => `Готово к импорту: ${valid}, с ошибками: ${invalid}`,
		partial: (checked, total) => `Проверены первые ${checked} из ${total} строк; при импорте проверяется каждая строка, ошибки попадут в отчёт.`,
		allGood: 'Все строки можно импортировать.',
		duplicates: (shown, count) =>
			`${shown} ${pluralRu(count, 'строка повторяет', 'строки повторяют', 'строк повторяют')} внешний id из более ранней строки: побеждает более поздняя строка.`,
		errorsLabel: 'Строки с ошибками',
		more: 'Показаны только первые ошибки.',
		badRowsKept: 'Строки с ошибками пропускаются и попадают в отчёт, остальные импортируются.',
		row: 'Строка',
		column: 'Столбец',
		message: 'Проблема'
	},
	start: 'Начать импорт',
	starting: 'Запускаем…',
	run: {
		title: 'Импорт',
		progressLabel: 'Ход импорта',
		progressText: (done, total, percent) => `${done} из ${total} строк (${percent}%)`,
		running: 'Импортируем… Страницу можно закрыть: импорт продолжится на сервере.',
		completed: 'Импорт завершён',
		failed: 'Импорт остановлен',
		created: 'Создано',
		updated: 'Обновлено',
		failedRows: 'Не импортировано',
		errorsTitle: 'Неимпортированные строки',
		downloadErrors: 'Скачать все ошибки (CSV)',
		toCustomers: 'К списку клиентов',
		another: 'Импортировать другой файл'
	},
	recent: {
		title: 'Недавние импорты',
		file: 'Файл',
		status: 'Статус',
		when: 'Загружен',
		result: 'Итог',
		resultText: (created, updated, failed) => `создано ${created}, обновлено ${updated}, ошибок ${failed}`,
		none: 'Импортов пока не было.'
	},
	statuses: {
		previewing: 'Не запущен',
		running: 'Идёт',
		completed: 'Завершён',
		failed: 'Ошибка'
	}
};
