import { pluralEn } from './plural';

/** Strings of the customer import wizard (mounted as `customerImport` in en.ts). */
export const customerImportEn = {
	button: 'Import',
	title: 'Import customers',
	intro: 'Upload a CSV or Excel file, check how its columns map to customer fields, then import. Rows update customers with the same external id, so importing a file again never creates duplicates.',
	back: 'All customers',
	steps: {
		label: 'Import steps',
		file: 'Choose file',
		map: 'Map columns',
		run: 'Import'
	},
	stepOf: (step: number, total: number) => `Step ${step} of ${total}`,
	file: {
		drop: 'Drop a .csv or .xlsx file here',
		or: 'or',
		choose: 'Choose a file',
		inputLabel: 'File to import',
		hint: 'Up to 10 MB and 50,000 rows. The first row must name the columns. CSV in UTF-8 or Windows-1251, separated by commas, semicolons or tabs; Excel: the first sheet.',
		uploading: (name: string) => `Reading ${name}…`,
		wrongType: 'Choose a .csv or .xlsx file.'
	},
	uploadErrors: {
		file_too_large: 'The file is larger than 10 MB. Split it into smaller files and import them one by one.',
		too_many_rows: 'The file has more than 50,000 rows. Split it into smaller files.',
		empty_file: 'The file is empty.',
		no_rows: 'The file has a header row but no customers below it.',
		unsupported_format: 'This file type is not supported. Save it as .csv or .xlsx (Excel workbook).',
		unreadable_xlsx: 'The Excel file could not be read. Save it again as .xlsx or .csv.',
		xlsx_too_large: 'The Excel file unpacks to more than 100 MB of sheet data. Save the sheet as CSV or split it into smaller files.',
		xlsx_too_many_parts: 'The Excel file has too many parts to be a workbook. Save it again from Excel or as CSV.',
		file_too_complex: 'The file is too complex to read. Save it as a plain CSV, or split it into smaller files.'
	} as Record<string, string>,
	fileSummary: (rows: string, columns: number) => `${rows} rows, ${columns} columns`,
	formats: { csv: 'CSV', xlsx: 'Excel workbook' } as Record<string, string>,
	encodings: {
		'utf-8': 'UTF-8',
		'utf-8-bom': 'UTF-8 with BOM',
		'utf-16le': 'UTF-16',
		'windows-1251': 'Windows-1251 (Cyrillic)'
	} as Record<string, string>,
	delimiters: { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' } as Record<string, string>,
	detected: (format: string, encoding: string | null, delimiter: string | null) =>
		[format, encoding, delimiter ? `${delimiter} separated` : null].filter(Boolean).join(' · '),
	otherFile: 'Choose another file',
	mapping: {
		title: 'Map columns',
		intro: 'Pick a customer field for each column. Columns kept as attributes are stored under their own name; ignored columns are skipped. Empty cells never erase what is already stored.',
		selectLabel: (column: string) => `Field for column “${column}”`,
		ignore: 'Do not import',
		attribute: (name: string) => `Attribute: ${name}`,
		fields: {
			externalId: 'External id',
			name: 'Name',
			email: 'Email',
			phone: 'Phone',
			lifecycleStage: 'Lifecycle stage',
			segment: 'Segment',
			mrr: 'MRR',
			orderCount: 'Orders',
			firstSeenAt: 'First seen',
			lastSeenAt: 'Last seen',
			'consents.survey': 'Survey consent (yes/no)',
			'consents.marketing': 'Marketing consent (yes/no)'
		} as Record<string, string>,
		needExternalId: 'Map one column to External id: it decides which customer each row creates or updates.',
		duplicate: (field: string) => `“${field}” is chosen for more than one column.`,
		previewLabel: 'First rows of the file with the field chosen for each column',
		row: 'Row',
		previewNote: (shown: number, total: string) => `Showing the first ${shown} of ${total} rows.`
	},
	check: {
		title: 'Check',
		checking: 'Checking rows…',
		summary: (valid: string, invalid: string) => `${valid} rows ready, ${invalid} with errors`,
		partial: (checked: string, total: string) => `Checked the first ${checked} of ${total} rows; the import checks every row and reports the rest.`,
		allGood: 'Every row can be imported.',
		duplicates: (shown: string, count: number) =>
			`${shown} ${pluralEn(count, 'row repeats', 'rows repeat')} an external id from an earlier row: the later row wins.`,
		errorsLabel: 'Rows with errors',
		more: 'Only the first errors are listed.',
		badRowsKept: 'Rows with errors are skipped and reported; all other rows are imported.',
		row: 'Row',
		column: 'Column',
		message: 'Problem'
	},
	start: 'Start import',
	starting: 'Starting…',
	run: {
		title: 'Importing',
		progressLabel: 'Import progress',
		progressText: (done: string, total: string, percent: number) => `${done} of ${total} rows (${percent}%)`,
		running: 'Importing… you can leave this page; the import continues on the server.',
		completed: 'Import finished',
		failed: 'Import stopped',
		created: 'Created',
		updated: 'Updated',
		failedRows: 'Not imported',
		errorsTitle: 'Rows not imported',
		downloadErrors: 'Download all errors (CSV)',
		toCustomers: 'Go to customers',
		another: 'Import another file'
	},
	recent: {
		title: 'Recent imports',
		file: 'File',
		status: 'Status',
		when: 'Uploaded',
		result: 'Result',
		resultText: (created: string, updated: string, failed: string) => `${created} created, ${updated} updated, ${failed} failed`,
		none: 'No imports yet.'
	},
	statuses: {
		previewing: 'Not started',
		running: 'Running',
		completed: 'Completed',
		failed: 'Failed'
	} as Record<string, string>
};

export type CustomerImportMessages = typeof customerImportEn;
