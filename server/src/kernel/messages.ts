export type Locale = 'bg' | 'en';
export const LOCALES: readonly Locale[] = ['bg', 'en'];

/** Error messages in the user's language, by stable error code. {name} placeholders are filled from params. */
export const MESSAGES: Record<string, Record<Locale, string>> = {
  validation_failed: { bg: 'Невалидни данни.', en: 'The data is not valid.' },
  unknown_field: { bg: 'Непознато поле „{field}“.', en: 'Unknown field "{field}".' },
  invalid_type: { bg: 'Полето „{field}“ е с невалиден тип.', en: 'Field "{field}" has the wrong type.' },
  required: { bg: 'Полето „{field}“ е задължително.', en: 'Field "{field}" is required.' },
  invalid_value: { bg: 'Невалидна стойност в „{field}“.', en: 'Invalid value in "{field}".' },
  too_small: {
    bg: 'Стойността в „{field}“ е твърде малка или къса.',
    en: 'The value in "{field}" is too small or short.',
  },
  negative_not_allowed: {
    bg: 'Стойността в „{field}“ не може да е отрицателна.',
    en: 'The value in "{field}" cannot be negative.',
  },
  too_big: {
    bg: 'Стойността в „{field}“ е твърде голяма или дълга.',
    en: 'The value in "{field}" is too big or long.',
  },
  invalid_uic_length: {
    bg: 'ЕИК има 9 цифри (13 за клон).',
    en: 'A UIC has 9 digits (13 for a branch).',
  },
  invalid_uic: {
    bg: 'Невалиден ЕИК: контролната цифра не съвпада.',
    en: 'Invalid UIC: the check digit does not match.',
  },
  invalid_vat_number: {
    bg: 'Невалиден ИН по ДДС: BG и ЕИК (за фирма) или BG и ЕГН/ЛНЧ (за лице).',
    en: 'Invalid VAT number: BG and the UIC (a company) or BG and the personal number (a person).',
  },
  invalid_iban: { bg: 'Невалиден IBAN.', en: 'Invalid IBAN.' },
  invalid_email: { bg: 'Невалиден адрес на е-поща.', en: 'Invalid e-mail address.' },
  body_too_large: { bg: 'Заявката е твърде голяма.', en: 'The request is too large.' },
  invalid_json: { bg: 'Тялото на заявката не е валиден JSON.', en: 'The request body is not valid JSON.' },
  unsupported_media_type: { bg: 'Неподдържан тип на съдържанието.', en: 'Unsupported content type.' },
  not_authenticated: { bg: 'Моля, влезте в системата.', en: 'Please sign in.' },
  invalid_credentials: { bg: 'Грешно потребителско име или парола.', en: 'Wrong username or password.' },
  too_many_attempts: {
    bg: 'Твърде много неуспешни опити. Опитайте отново след {seconds} с.',
    en: 'Too many failed attempts. Try again in {seconds} s.',
  },
  forbidden: { bg: 'Нямате права за това действие.', en: 'You are not allowed to do this.' },
  csrf_failed: {
    bg: 'Липсва или е невалиден защитният код на заявката (CSRF). Презаредете страницата.',
    en: 'The request security token (CSRF) is missing or wrong. Reload the page.',
  },
  not_found: { bg: 'Не е намерено.', en: 'Not found.' },
  route_not_found: { bg: 'Няма такъв адрес в API.', en: 'No such API route.' },
  already_set_up: { bg: 'Системата вече е настроена.', en: 'Servix is already set up.' },
  not_set_up: { bg: 'Системата още не е настроена.', en: 'Servix is not set up yet.' },
  not_a_demo: {
    bg: 'Това не е демо фирма: данните ѝ не се изтриват оттук.',
    en: 'This is not a demo company: its data cannot be deleted here.',
  },
  username_taken: { bg: 'Потребителското име „{username}“ е заето.', en: 'Username "{username}" is taken.' },
  last_admin: {
    bg: 'Не може да се премахне последният активен администратор.',
    en: 'The last active administrator cannot be removed.',
  },
  password_too_short: {
    bg: 'Паролата в „{field}“ трябва да е поне 12 знака.',
    en: 'The password in "{field}" must have at least 12 characters.',
  },
  password_too_common: {
    bg: 'Паролата в „{field}“ е често срещана или лесна за отгатване. Изберете по-дълга и необичайна.',
    en: 'The password in "{field}" is common or easy to guess. Choose a longer, unusual one.',
  },
  username_mixed_scripts: {
    bg: 'Потребителското име в „{field}“ смесва азбуки (напр. латиница и кирилица). Използвайте само една.',
    en: 'The username in "{field}" mixes alphabets (e.g. Latin and Cyrillic). Use only one.',
  },
  api_token_read_only: {
    bg: 'Този API ключ е само за четене.',
    en: 'This API token is read-only.',
  },
  api_token_expiry_past: {
    bg: 'Срокът на API ключа трябва да е в бъдещето.',
    en: 'The API token must expire in the future.',
  },
  api_token_expiry_too_far: {
    bg: 'Срокът на API ключа може да е най-много една година напред.',
    en: 'An API token may be valid for at most one year.',
  },
  series_in_use: {
    bg: 'Номерата от тази серия вече се използват; началният номер не може да се намали.',
    en: 'This series has issued numbers; its next number cannot go down.',
  },
  series_code_taken: {
    bg: 'Серия с код „{code}“ вече съществува.',
    en: 'A series with code "{code}" already exists.',
  },
  series_exhausted: { bg: 'Серията „{code}“ е изчерпана.', en: 'Series "{code}" is exhausted.' },
  conflict: { bg: 'Конфликт с друг запис.', en: 'Conflict with another record.' },
  // parties (in_use is generic: any module refusing a delete; the reasons come in `errors`)
  in_use: {
    bg: 'Записът се използва и не може да бъде изтрит. Архивирайте го вместо това.',
    en: 'The record is in use and cannot be deleted. Archive it instead.',
  },
  party_has_sites: { bg: 'Контрагентът има обекти: {count}.', en: 'The party has sites: {count}.' },
  duplicate_uic: {
    bg: 'Вече има контрагент с ЕИК {uic}: „{name}“.',
    en: 'A party with UIC {uic} already exists: "{name}".',
  },
  not_for_person: {
    bg: 'Полето „{field}“ е само за фирми, не за физически лица.',
    en: 'Field "{field}" is for companies only, not for persons.',
  },
  not_for_company: { bg: 'ЕГН/ЛНЧ се записва само за физически лица.', en: 'Only persons have an ЕГН/ЛНЧ.' },
  invalid_egn: {
    bg: 'Невалидно ЕГН/ЛНЧ: контролната цифра не съвпада.',
    en: 'Invalid ЕГН/ЛНЧ: the check digit does not match.',
  },
  egn_without_invoice: {
    bg: 'ЕГН се записва само когато лицето желае фактури.',
    en: 'An ЕГН is stored only when the person wants invoices.',
  },
  invalid_phone: { bg: 'Невалиден телефонен номер.', en: 'Invalid phone number.' },
  party_anonymised: {
    bg: 'Контрагентът е анонимизиран и не може да се променя.',
    en: 'The party was anonymised and cannot change.',
  },
  not_a_person: { bg: 'Анонимизират се само физически лица.', en: 'Only persons can be anonymised.' },
  unknown_party: { bg: 'Няма такъв контрагент.', en: 'No such party.' },
  not_a_customer: { bg: 'Контрагентът не е клиент.', en: 'The party is not a customer.' },
  not_a_supplier: { bg: 'Контрагентът не е доставчик.', en: 'The party is not a supplier.' },
  party_archived: { bg: 'Контрагентът е архивиран.', en: 'The party is archived.' },
  duplicate_site: {
    bg: 'Клиентът вече има обект „{name}“.',
    en: 'The customer already has a site "{name}".',
  },
  unknown_site: { bg: 'Няма такъв обект.', en: 'No such site.' },
  site_not_of_customer: {
    bg: 'Обектът не е на този клиент.',
    en: 'The site does not belong to this customer.',
  },
  unknown_customer: { bg: 'Няма клиент с име „{name}“.', en: 'No customer is named "{name}".' },
  ambiguous_customer: {
    bg: 'Има {count} клиенти с име „{name}“: името не е еднозначно.',
    en: '{count} customers are named "{name}": the name is ambiguous.',
  },
  // imports
  invalid_csv: { bg: 'Файлът не е валиден CSV: {reason}', en: 'The file is not valid CSV: {reason}' },
  empty_file: { bg: 'Файлът няма редове с данни.', en: 'The file has no data rows.' },
  unknown_column: {
    bg: 'Непозната колона „{column}“. Приемат се (на английски или български): {accepted}. Ако всички колони са слети в една, проверете разделителя: запетая, точка и запетая или табулация.',
    en: 'Unknown column "{column}". Accepted (in English or Bulgarian): {accepted}. If all columns are run together in one, check the separator: comma, semicolon or tab.',
  },
  missing_column: { bg: 'Липсва колона „{column}“.', en: 'Missing column "{column}".' },
  duplicate_column: {
    bg: 'Колоната „{column}“ е два пъти в заглавния ред.',
    en: 'The column "{column}" appears twice in the header.',
  },
  unknown_encoding: {
    bg: 'Кодировката на файла не е разпозната. Запишете го като CSV в UTF-8 или Windows-1251 (в Excel: „CSV UTF-8“ или „CSV (разделител запетая)“).',
    en: 'The file’s encoding is not recognised. Save it as CSV in UTF-8 or Windows-1251 (in Excel: "CSV UTF-8" or "CSV (Comma delimited)").',
  },
  unreadable_spreadsheet: {
    bg: 'Файлът не може да бъде прочетен като Excel таблица (.xlsx): повреден е или е друг вид файл (например .ods или .docx). Отворете го и го запишете като „Работна книга на Excel (.xlsx)“ или като CSV.',
    en: 'The file cannot be read as an Excel workbook (.xlsx): it is damaged or another kind of file (such as .ods or .docx). Open it and save it as "Excel Workbook (.xlsx)" or as CSV.',
  },
  old_excel_format: {
    bg: 'Файлът е в стария формат на Excel (.xls), който не се чете. Отворете го в Excel или LibreOffice и го запишете като „Работна книга на Excel (.xlsx)“ или като CSV.',
    en: 'The file is in the old Excel format (.xls), which cannot be read. Open it in Excel or LibreOffice and save it as "Excel Workbook (.xlsx)" or as CSV.',
  },
  password_protected_spreadsheet: {
    bg: 'Файлът е защитен с парола и не може да бъде прочетен. Махнете паролата (в Excel: Файл → Информация → Защита на работната книга) и го изпратете отново.',
    en: 'The file is protected with a password and cannot be read. Remove the password (in Excel: File → Info → Protect Workbook) and send it again.',
  },
  spreadsheet_too_large: {
    bg: 'Таблицата е твърде голяма, след като се разархивира. Разделете я на няколко файла или я запишете като CSV.',
    en: 'The workbook is too large once unpacked. Split it into several files or save it as CSV.',
  },
  invalid_character: {
    bg: 'Клетката в „{field}“ съдържа непознат знак (�): файлът е записан в друга кодировка или е повреден.',
    en: 'The cell in "{field}" holds an unknown character (�): the file was saved in another encoding or is damaged.',
  },
  invalid_choice: {
    bg: 'Непозволена стойност в „{field}“. Позволени са: {allowed}.',
    en: 'Value not allowed in "{field}". Allowed: {allowed}.',
  },
  unknown_import: { bg: 'Не може да се внасят „{entity}“.', en: 'Cannot import "{entity}".' },
  has_errors: {
    bg: 'Файлът има грешки и нищо не е внесено. Поправете ги или внесете само валидните редове.',
    en: 'The file has errors and nothing was imported. Fix them or import only the valid rows.',
  },
  internal_error: { bg: 'Вътрешна грешка. Опитайте отново.', en: 'Internal error. Please try again.' },
  interrupted: {
    bg: 'Задачата беше прекъсната: сървърът спря, докато тя вървеше.',
    en: 'The job was interrupted: the server stopped while it ran.',
  },
  database_unavailable: { bg: 'Базата данни не отговаря.', en: 'The database does not answer.' },
  // items
  duplicate_serial: {
    bg: 'Вече има уред {model} със сериен номер „{serial}“ (собственик: {owner}).',
    en: 'An item {model} with serial number "{serial}" already exists (owner: {owner}).',
  },
  warranty_end_before_purchase: {
    bg: 'Краят на гаранцията ({warrantyEnd}) е преди датата на покупка ({purchaseDate}).',
    en: 'The warranty end ({warrantyEnd}) is before the purchase date ({purchaseDate}).',
  },
  transfer_same_owner: { bg: 'Уредът вече е на „{owner}“.', en: 'The item already belongs to "{owner}".' },
  transfer_date_in_future: {
    bg: 'Датата на прехвърляне не може да е след днес ({today}).',
    en: 'The transfer date cannot be after today ({today}).',
  },
  transfer_date_before_current: {
    bg: 'Датата на прехвърляне е преди {from}, от когато уредът е на сегашния собственик.',
    en: 'The transfer date is before {from}, when the current owner got the item.',
  },
  party_has_items: { bg: 'Контрагентът има уреди: {count}.', en: 'The party has items: {count}.' },
  site_has_items: { bg: 'На обекта има уреди: {count}.', en: 'The site has items: {count}.' },
  model_has_items: { bg: 'Уреди от този модел: {count}.', en: 'Items of this model: {count}.' },
  item_has_owner_history: {
    bg: 'Уредът е сменял собственика си ({count}).',
    en: 'The item has changed owners ({count}).',
  },
  // technicians
  invalid_hours: {
    bg: 'Невалидно работно време: краят трябва да е след началото (пример: „Mon-Fri 08:30-17:30; Sat 09:00-13:00“).',
    en: 'Invalid working hours: the end must be after the start (e.g. "Mon-Fri 08:30-17:30; Sat 09:00-13:00").',
  },
  hours_overlap: {
    bg: 'Работните интервали в един ден се застъпват.',
    en: 'Working intervals on the same day overlap.',
  },
  unknown_user: { bg: 'Няма такъв потребител.', en: 'No such user.' },
  user_already_technician: {
    bg: 'Потребителят „{user}“ вече е свързан с техник „{technician}“.',
    en: 'User "{user}" is already linked to technician "{technician}".',
  },
  pay_terms_date_taken: {
    bg: 'Вече има условия за заплащане от {date}.',
    en: 'Pay terms from {date} already exist.',
  },
  category_has_technicians: {
    bg: 'Техници с това умение: {count}.',
    en: 'Technicians with this skill: {count}.',
  },
  duplicate_technician: {
    bg: 'Вече има техник „{name}“.',
    en: 'A technician named "{name}" already exists.',
  },
  // catalog (unknown_model / unknown_category are also used by items and technicians)
  invalid_code: {
    bg: 'Кодът може да съдържа само латински главни букви, цифри и „.“, „_“, „-“.',
    en: 'A code may contain only Latin capital letters, digits and ".", "_", "-".',
  },
  invalid_barcode: {
    bg: 'Невалиден баркод: EAN-13 с грешна контролна цифра или непозволени знаци.',
    en: 'Invalid barcode: an EAN-13 with a wrong check digit, or characters that are not allowed.',
  },
  invalid_money: {
    bg: 'Невалидна сума в „{field}“: число с точка и до 2 знака след нея (пример: 24.90).',
    en: 'Invalid amount in "{field}": a number with a dot and up to 2 decimals (e.g. 24.90).',
  },
  invalid_number: { bg: 'Невалидно число в „{field}“.', en: 'Invalid number in "{field}".' },
  invalid_country: {
    bg: 'Държавата е двубуквен код по ISO 3166-1 (пример: DE).',
    en: 'The country is a two-letter ISO 3166-1 code (e.g. DE).',
  },
  duplicate_code: {
    bg: 'Кодът „{code}“ вече е зает: „{name}“.',
    en: 'Code "{code}" is already taken: "{name}".',
  },
  duplicate_model: {
    bg: 'Моделът „{name}“ на {brand} вече е в каталога.',
    en: 'Model "{name}" of {brand} is already in the catalogue.',
  },
  duplicate_barcode: {
    bg: 'Баркодът {barcode} вече е на част „{code}“.',
    en: 'Barcode {barcode} already belongs to part "{code}".',
  },
  duplicate_override: {
    bg: 'Услугата {service} вече има нормовреме за {target}.',
    en: 'Service {service} already has a norm time for {target}.',
  },
  unknown_category: { bg: 'Няма такава категория: {code}.', en: 'No such category: {code}.' },
  unknown_supplier: {
    bg: 'Няма доставчик с ЕИК {uic}: въведете го първо като доставчик.',
    en: 'No supplier has the ЕИК {uic}: enter it as a supplier first.',
  },
  unknown_brand: { bg: 'Няма такава марка: {code}.', en: 'No such brand: {code}.' },
  unknown_model: { bg: 'Няма такъв модел в каталога.', en: 'No such model in the catalogue.' },
  unknown_service_type: { bg: 'Няма такава услуга: {code}.', en: 'No such service type: {code}.' },
  model_brand_mismatch: {
    bg: 'Моделът {model} е на марка {brand}, не на посочената.',
    en: 'Model {model} is a {brand}, not of the brand given.',
  },
  unknown_compatible: {
    bg: '„{value}“ не е нито код на марка, нито модел от каталога.',
    en: '"{value}" is neither a brand code nor a model in the catalogue.',
  },
  ambiguous_model: {
    bg: 'Модел „{value}“ има при няколко марки: не е ясно кой е.',
    en: 'Model "{value}" exists under several brands: it is ambiguous.',
  },
  used_by_models: { bg: 'Използва се от модели: {count}.', en: 'Used by models: {count}.' },
  used_by_service_types: { bg: 'Използва се от услуги: {count}.', en: 'Used by service types: {count}.' },
  used_by_parts: { bg: 'Използва се от части: {count}.', en: 'Used by parts: {count}.' },
  used_by_norm_overrides: {
    bg: 'Използва се в нормовремена за марки и модели: {count}.',
    en: 'Used by norm-time overrides: {count}.',
  },
  used_by_part_compat: {
    bg: 'Посочено е като съвместимо за части: {count}.',
    en: 'Listed as compatible for parts: {count}.',
  },
  // stock
  unknown_warehouse: { bg: 'Няма такъв склад.', en: 'No such warehouse.' },
  warehouse_archived: {
    bg: 'Склад „{code}“ е архивиран.',
    en: 'Warehouse "{code}" is archived.',
  },
  warehouse_code_taken: {
    bg: 'Вече има склад с код „{code}“: „{name}“.',
    en: 'A warehouse with code "{code}" already exists: "{name}".',
  },
  technician_has_van: {
    bg: 'Техник „{technician}“ вече има служебен автомобил-склад „{code}“.',
    en: 'Technician "{technician}" already has van "{code}".',
  },
  unknown_technician: { bg: 'Няма такъв техник.', en: 'No such technician.' },
  not_for_store: {
    bg: 'Само служебен автомобил-склад има техник.',
    en: 'Only a van has a technician.',
  },
  warehouse_has_stock: {
    bg: 'Склад „{code}“ има наличност: изпразнете го преди архивиране.',
    en: 'Warehouse "{code}" still holds stock: empty it before archiving.',
  },
  used_by_stock_documents: {
    bg: 'Използва се в складови документи: {count}.',
    en: 'Used by stock documents: {count}.',
  },
  used_by_stock_levels: { bg: 'Има складови наличности: {count}.', en: 'Has stock levels: {count}.' },
  used_by_stock_reservations: { bg: 'Има резервации: {count}.', en: 'Has reservations: {count}.' },
  part_has_stock: {
    bg: 'Частта има складови документи, наличности или резервации: {count}.',
    en: 'The part has stock documents, levels or reservations: {count}.',
  },
  party_has_stock_documents: {
    bg: 'Доставчикът е посочен в складови документи: {count}.',
    en: 'The supplier is named on stock documents: {count}.',
  },
  unknown_part: { bg: 'Няма такава част в каталога.', en: 'No such part in the catalogue.' },
  not_for_document_type: {
    bg: 'Полето „{field}“ не се попълва за този вид складов документ.',
    en: 'Field "{field}" does not apply to this kind of stock document.',
  },
  same_warehouse: {
    bg: 'Прехвърлянето трябва да е към друг склад.',
    en: 'A transfer must go to another warehouse.',
  },
  date_in_future: {
    bg: 'Датата на документа не може да е в бъдещето.',
    en: 'The document date cannot be in the future.',
  },
  duplicate_count_line: {
    bg: 'Частта е вече в описа: по един ред на част.',
    en: 'The part is already on the count sheet: one line per part.',
  },
  unknown_reservation: { bg: 'Няма такава резервация.', en: 'No such reservation.' },
  reservation_mismatch: {
    bg: 'Резервацията е за друга част, склад или поръчка.',
    en: 'The reservation is for another part, warehouse or order.',
  },
  reservation_not_active: {
    bg: 'Резервацията вече е освободена или изписана.',
    en: 'The reservation has already been released or issued.',
  },
  document_not_draft: {
    bg: 'Документ {number} е осчетоводен и не може да се променя: сторнирайте го.',
    en: 'Document {number} is posted and cannot change: reverse it instead.',
  },
  document_empty: { bg: 'Документът няма редове.', en: 'The document has no lines.' },
  document_not_posted: {
    bg: 'Само осчетоводен документ може да се сторнира; чернова се изтрива.',
    en: 'Only a posted document can be reversed; a draft is deleted instead.',
  },
  already_reversed: {
    bg: 'Документ {number} вече е сторниран.',
    en: 'Document {number} is already reversed.',
  },
  reversal_not_reversible: {
    bg: 'Документ {number} е сторно и не може да се сторнира.',
    en: 'Document {number} is a reversal and cannot be reversed.',
  },
  reversal_before_original: {
    bg: 'Сторното не може да е с дата преди сторнирания документ.',
    en: 'A reversal cannot be dated before the document it reverses.',
  },
  period_ends_before_start: {
    bg: 'Краят на периода е преди началото му.',
    en: 'The end of the period is before its start.',
  },
  period_closed: {
    bg: 'Периодът до {date} включително е приключен: в него не се осчетоводява и не се сторнира.',
    en: 'The period up to and including {date} is closed: nothing is posted or reversed in it.',
  },
  busy_try_again: {
    bg: 'Друга операция променя същите данни в този момент. Нищо не е записано; опитайте отново.',
    en: 'Another operation is changing the same data right now. Nothing was written; please try again.',
  },
  not_a_posted_receipt: {
    bg: 'Връщане към доставчик се прави само от осчетоводена и несторнирана доставка ({number}).',
    en: 'A return to the supplier is made only from a posted receipt that was not reversed ({number}).',
  },
  'insufficient_stock:dated': {
    bg: 'Недостатъчна наличност на „{part}“ в склад {warehouse} към {date}: там не достигат {shortfall}. Документ с по-ранна дата или сторно би оставил по-късно движение без наличност.',
    en: 'Not enough "{part}" in warehouse {warehouse} on {date}: {shortfall} short there. A back-dated document or a reversal would leave a later movement without stock.',
  },
  insufficient_stock: {
    bg: 'Недостатъчна наличност на „{part}“ в склад {warehouse}: нужни {requested}, налични {available}, не достигат {shortfall}.',
    en: 'Not enough "{part}" in warehouse {warehouse}: {requested} needed, {available} available, {shortfall} short.',
  },
  // service order lines and finishing (issue 12)
  order_lines_locked: {
    bg: 'Поръчка {number} е „{status}“: редовете ѝ вече не се променят. Грешка се поправя с повторно отваряне.',
    en: 'Order {number} is "{status}": its lines no longer change. Reopen it to correct a mistake.',
  },
  not_for_line_kind: {
    bg: 'Полето „{field}“ не се попълва за този вид ред.',
    en: 'Field "{field}" does not apply to this kind of line.',
  },
  part_archived: {
    bg: 'Частта {code} е архивирана: не се добавя в нови редове.',
    en: 'Part {code} is archived: it is not added to new lines.',
  },
  van_not_of_lead_technician: {
    bg: 'Автомобил-склад {code} не е на водещия техник на поръчката: изберете склад или неговия автомобил.',
    en: "Van {code} is not the order's lead technician's: choose a store or their van.",
  },
  technician_listed_twice: {
    bg: 'Техникът е посочен два пъти в реда.',
    en: 'The technician is listed twice on the line.',
  },
  shares_not_100: {
    bg: 'Дяловете на техниците трябва да са общо 100 % (сега {percent} %).',
    en: "The technicians' shares must add up to 100 % (now {percent} %).",
  },
  serial_tracked_one_unit: {
    bg: '„{code}“ се следи по сериен номер: един ред е една бройка със своя сериен номер; за повече бройки добавете още редове.',
    en: '“{code}” is tracked by serial number: one line is one unit with its serial; add more lines for more units.',
  },
  price_override_reason_required: {
    bg: 'Цена или нормовреме, различни от каталога, искат причина.',
    en: 'A price or norm time other than the catalogue’s needs a reason.',
  },
  removed_warehouse_only_to_warehouse: {
    bg: 'Склад за демонтираната част се посочва само когато тя се заприхождава в склад.',
    en: 'A warehouse for the removed part is given only when it is taken into a warehouse.',
  },
  payer_reason_required: {
    bg: 'Платец, различен от определения по гаранцията на уреда, иска причина.',
    en: "A payer other than the one the item's warranty decides needs a reason.",
  },
  used_quantity_not_in_repair: {
    bg: 'Вложеното количество се отбелязва, докато поръчката е в ремонт.',
    en: 'The used quantity is entered while the order is in repair.',
  },
  used_below_planned: {
    bg: '„{description}“: вложени {used} от планирани {planned}; остатъкът е освободен.',
    en: '"{description}": {used} used of {planned} planned; the rest is released.',
  },
  serial_required: {
    bg: 'Ред {position} „{description}“: частта се следи по сериен номер — въведете серийния номер на вложената част.',
    en: 'Line {position} "{description}": the part is tracked by serial number — enter the fitted part’s serial.',
  },
  control_character: {
    bg: 'Полето „{field}“ съдържа непозволен управляващ знак.',
    en: 'Field "{field}" holds a control character that is not allowed.',
  },
  nesting_too_deep: {
    bg: 'Данните в „{field}“ са вложени твърде дълбоко.',
    en: 'The data in "{field}" is nested too deeply.',
  },
  csv_control_character: {
    bg: 'Ред {row}, колона „{field}“: клетката съдържа непозволен управляващ знак.',
    en: 'Row {row}, column "{field}": the cell holds a control character that is not allowed.',
  },
  amount_out_of_range: {
    bg: 'Сумата или количеството е твърде голямо, за да се запише. Нищо не е записано.',
    en: 'The amount or quantity is too large to keep. Nothing was saved.',
  },
  date_out_of_range: {
    bg: 'Датата в „{field}“ е извън допустимия период (обикновено 2000-01-01 – 2100-12-31).',
    en: 'The date in "{field}" is outside the allowed range (usually 2000-01-01 to 2100-12-31).',
  },
  warranty_not_editable: {
    bg: 'Гаранцията на уреда („{field}“) се променя само от офиса (администратор, управител, приемна, счетоводител).',
    en: 'The item\'s warranty ("{field}") is changed by the front office only (admin, manager, reception, accountant).',
  },
  unsupported_image: {
    bg: 'Приемат се само изображения PNG, JPEG или WebP (SVG, HEIC и други формати не се приемат).',
    en: 'Only PNG, JPEG or WebP images are accepted (SVG, HEIC and other formats are not).',
  },
  invalid_image: {
    bg: 'Изображението не може да бъде прочетено: файлът е повреден или непълен.',
    en: 'The image cannot be read: the file is damaged or incomplete.',
  },
  image_too_large: {
    bg: 'Изображението е твърде голямо (най-много {maxMb} MB и {maxPixels} мегапиксела).',
    en: 'The image is too large (at most {maxMb} MB and {maxPixels} megapixels).',
  },
  headers_too_large: {
    bg: 'Заглавните редове на заявката са твърде големи.',
    en: 'The request headers are too large.',
  },
  request_timeout: {
    bg: 'Заявката не пристигна навреме.',
    en: 'The request did not arrive in time.',
  },
  malformed_request: {
    bg: 'Заявката е неправилно оформена (адрес или заглавни редове).',
    en: 'The request is malformed (address or headers).',
  },
  api_token_no_accounts: {
    bg: 'Потребители, API ключове и пароли се променят само от екрана, не с API ключ.',
    en: 'Users, API tokens and passwords are changed at the screen only, not with an API token.',
  },
  // service orders (issue 12)
  // repair quotes (issue 12, item 1)
  quote_invalid_transition: {
    bg: 'Оферта {number} не може да премине от „{from}“ в „{to}“.',
    en: 'Quote {number} cannot move from "{from}" to "{to}".',
  },
  quote_not_draft: {
    bg: 'Оферта {number} е „{status}“: променя се само чернова. Върнете я в чернова, за да я преработите.',
    en: 'Quote {number} is "{status}": only a draft changes. Move it back to draft to revise it.',
  },
  quote_open_exists: {
    bg: 'Поръчка {order} вече има отворена оферта ({number}).',
    en: 'Order {order} already has an open quote ({number}).',
  },
  quote_already_converted: {
    bg: 'Оферта {number} вече е превърната в поръчка.',
    en: 'Quote {number} has already been converted into an order.',
  },
  quote_not_accepted: {
    bg: 'Оферта {number} е „{from}“: в поръчка се превръща само приета оферта.',
    en: 'Quote {number} is "{from}": only an accepted quote is converted into an order.',
  },
  quote_expired: {
    bg: 'Оферта {number} е изтекла: върнете я в чернова, сменете валидността и я изпратете отново.',
    en: 'Quote {number} has expired: move it back to draft, change its validity and send it again.',
  },
  quote_empty: {
    bg: 'Оферта {number} няма редове: добавете части, труд или разходи, преди да я изпратите.',
    en: 'Quote {number} has no lines: add parts, labour or charges before sending it.',
  },
  valid_until_past: {
    bg: 'Датата на валидност {date} е минала.',
    en: 'The validity date {date} has passed.',
  },
  unknown_order: { bg: 'Няма такава сервизна поръчка.', en: 'No such service order.' },
  order_not_in_diagnosis: {
    bg: 'Поръчка {number} е „{status}“: оферта се прави от поръчка в диагностика.',
    en: 'Order {number} is "{status}": a quote is made from an order in diagnosis.',
  },
  invalid_transition: {
    bg: 'Поръчката не може да премине от „{from}“ в „{to}“.',
    en: 'The order cannot move from "{from}" to "{to}".',
  },
  order_delivered: {
    bg: 'Поръчка {number} е предадена на клиента и не може да се откаже.',
    en: 'Order {number} has been delivered and cannot be cancelled.',
  },
  order_cancelled: { bg: 'Поръчка {number} вече е отказана.', en: 'Order {number} is already cancelled.' },
  order_not_editable: {
    bg: 'Редовете на поръчка {number} вече не може да се променят.',
    en: 'The lines of order {number} can no longer change.',
  },
  order_closed: {
    bg: 'Поръчка {number} е приключена и не може да се променя.',
    en: 'Order {number} is closed and cannot change.',
  },
  order_finished: {
    bg: 'Поръчка {number} е „{status}“: подписът на клиента вече не се променя.',
    en: 'Order {number} is "{status}": the customer’s signature no longer changes.',
  },
  signer_name_required: {
    bg: 'Въведете името на подписващия.',
    en: 'Enter the signer’s name.',
  },
  signer_name_too_long: {
    bg: 'Името на подписващия е най-много {max} знака.',
    en: 'The signer’s name is at most {max} characters.',
  },
  customer_has_overdue: {
    bg: 'Клиентът има просрочени задължения: {amount} €. Приемането е спряно от настройките.',
    en: 'The customer has overdue invoices: €{amount}. The settings refuse new orders.',
  },
  customer_required: {
    bg: 'Изберете клиент или въведете нов (само едното).',
    en: 'Choose a customer or enter a new one (only one of the two).',
  },
  item_required: {
    bg: 'Изберете уред или въведете серийния му номер.',
    en: 'Choose an item or type its serial number.',
  },
  unknown_item: { bg: 'Няма такъв уред.', en: 'No such item.' },
  ambiguous_serial: {
    bg: 'Серийният номер {serial} е на {count} уреда от различни модели: изберете модела.',
    en: 'The serial {serial} belongs to {count} items of different models: choose the model.',
  },
  model_required: {
    bg: 'Непознат сериен номер {serial}: изберете модела, за да се създаде уредът.',
    en: 'Unknown serial {serial}: choose the model to register the item.',
  },
  refusal_not_allowed: {
    bg: 'Отказ от ремонт се отбелязва само при преминаване от диагностика или чакане на одобрение към „Готова“.',
    en: 'A refused repair is marked only when moving from diagnosis or awaiting approval to ready.',
  },
  refusal_required: {
    bg: 'От „{from}“ към „Готова“ се минава само при отказ от ремонт.',
    en: 'From "{from}" to ready is only for a refused repair.',
  },
  status_without_limit: {
    bg: 'Статус „{status}“ няма срок.',
    en: 'Status "{status}" has no time limit.',
  },
  too_many_requests: {
    bg: 'Твърде много заявки. Опитайте отново след {seconds} с.',
    en: 'Too many requests. Try again in {seconds} s.',
  },
  party_has_service_orders: {
    bg: 'Клиентът има сервизни поръчки: {count}.',
    en: 'The customer has service orders: {count}.',
  },
  item_has_service_orders: {
    bg: 'Уредът има сервизни поръчки: {count}.',
    en: 'The item has service orders: {count}.',
  },
  site_has_service_orders: {
    bg: 'Обектът е посочен в сервизни поръчки: {count}.',
    en: 'The site is named on service orders: {count}.',
  },
  technician_has_service_orders: {
    bg: 'Техникът е водещ в сервизни поръчки: {count}.',
    en: 'The technician leads service orders: {count}.',
  },
  party_has_proformas: {
    bg: 'Клиентът има проформа фактури: {count}.',
    en: 'The customer has proforma invoices: {count}.',
  },
  party_has_invoices: {
    bg: 'Клиентът има издадени фактури или известия: {count}.',
    en: 'The customer has invoices or notes: {count}.',
  },
  party_has_sale_receipts: {
    bg: 'Клиентът има касови бележки: {count}.',
    en: 'The customer has sale receipts: {count}.',
  },
  party_has_payments: {
    bg: 'Клиентът има плащания: {count}.',
    en: 'The customer has payments: {count}.',
  },
  party_has_money_movements: {
    bg: 'Контрагентът е посочен в касови или банкови движения: {count}.',
    en: 'The party is named on cash or bank movements: {count}.',
  },
  party_has_goods_notes: {
    bg: 'Клиентът има стокови разписки: {count}.',
    en: 'The customer has goods delivery notes: {count}.',
  },
  party_has_repair_quotes: {
    bg: 'Клиентът има оферти за ремонт: {count}.',
    en: 'The customer has repair quotes: {count}.',
  },
  item_has_repair_quotes: {
    bg: 'Уредът има оферти за ремонт: {count}.',
    en: 'The item has repair quotes: {count}.',
  },
  part_has_repair_quotes: {
    bg: 'Частта е в редове на оферти за ремонт: {count}.',
    en: 'The part is on repair quote lines: {count}.',
  },
  service_type_has_repair_quotes: {
    bg: 'Услугата е в редове на оферти за ремонт: {count}.',
    en: 'The service is on repair quote lines: {count}.',
  },
  warehouse_has_repair_quotes: {
    bg: 'Складът е посочен в редове на оферти за ремонт: {count}.',
    en: 'The warehouse is named on repair quote lines: {count}.',
  },
  service_type_is_diagnostic: {
    bg: 'Услугата е избрана за диагностика в настройките на сервиза.',
    en: 'The service is the diagnostic service in the service settings.',
  },
  warehouse_has_service_orders: {
    bg: 'Складът е посочен в редове на сервизни поръчки: {count}.',
    en: 'The warehouse is named on service order lines: {count}.',
  },
  warehouse_has_purchase_requests: {
    bg: 'Складът е посочен в заявки за доставка: {count}.',
    en: 'The warehouse is named on purchase requests: {count}.',
  },
  technician_has_van_warehouse: {
    bg: 'Техникът има служебен склад (бус): {count}.',
    en: 'The technician has a van warehouse: {count}.',
  },
  part_has_sale_receipts: {
    bg: 'Частта е продадена с касови бележки: {count}.',
    en: 'The part was sold on sale receipts: {count}.',
  },
  part_has_service_orders: {
    bg: 'Частта е в редове на сервизни поръчки: {count}.',
    en: 'The part is on service order lines: {count}.',
  },
  service_type_has_service_orders: {
    bg: 'Услугата е в редове на сервизни поръчки: {count}.',
    en: 'The service is on service order lines: {count}.',
  },
  // purchase requests (ADR 0014)
  party_is_preferred_supplier: {
    bg: 'Доставчикът е предпочитан за части: {count}.',
    en: 'The supplier is the preferred supplier of parts: {count}.',
  },
  party_has_purchase_requests: {
    bg: 'Доставчикът е посочен в заявки за доставка: {count}.',
    en: 'The supplier is named on purchase requests: {count}.',
  },
  part_has_purchase_requests: {
    bg: 'Частта е в заявки за доставка: {count}.',
    en: 'The part is on purchase requests: {count}.',
  },
  purchase_request_not_draft: {
    bg: 'Заявка {number} вече не е чернова.',
    en: 'Purchase request {number} is no longer a draft.',
  },
  purchase_request_not_sent: {
    bg: 'Заявка {number} не е изпратена.',
    en: 'Purchase request {number} has not been sent.',
  },
  purchase_request_closed: {
    bg: 'Заявка {number} е приключена.',
    en: 'Purchase request {number} is closed.',
  },
  purchase_request_received_by_receipt: {
    bg: 'Заявка {number} се получава с осчетоводяване на складовата ѝ разписка.',
    en: 'Purchase request {number} is received by posting its stock receipt.',
  },
  purchase_request_no_supplier: {
    bg: 'Изберете доставчик на заявка {number}, преди да я изпратите.',
    en: 'Choose the supplier of purchase request {number} before sending it.',
  },
  purchase_request_empty: {
    bg: 'Заявка {number} няма какво да поръча.',
    en: 'Purchase request {number} has nothing to order.',
  },
  purchase_request_draft_exists: {
    bg: 'Този доставчик вече има чернова на заявка: {number}.',
    en: 'This supplier already has a draft purchase request: {number}.',
  },
  purchase_request_receipt_exists: {
    bg: 'Заявка {number} вече има складова разписка.',
    en: 'Purchase request {number} already has a stock receipt.',
  },
  unknown_request_line: {
    bg: 'Няма такъв ред в заявката.',
    en: 'No such line on the request.',
  },
  // ---------------------------------------------------------------- fiscal device (ADR 0017)
  // sale sites, devices, workstations (FIS-05, ADR 0041)
  fiscal_device_unknown: {
    bg: 'Няма такова фискално устройство.',
    en: 'There is no such fiscal device.',
  },
  fiscal_device_inactive: {
    bg: 'Фискалното устройство „{name}“ е неактивно. Изберете друго работно място или активирайте устройството.',
    en: 'The fiscal device "{name}" is inactive. Choose another workstation or make the device active.',
  },
  fiscal_site_unknown: {
    bg: 'Няма такъв търговски обект.',
    en: 'There is no such sale site.',
  },
  fiscal_site_name_taken: {
    bg: 'Вече има търговски обект „{name}“.',
    en: 'There is already a sale site "{name}".',
  },
  fiscal_site_code_format: {
    bg: 'Кодът на обекта в НАП съдържа само латински букви, цифри и тирета (до 20 знака).',
    en: 'The site’s NAP code has only Latin letters, digits and dashes (up to 20).',
  },
  fiscal_device_number_format: {
    bg: 'Номерът на ФУ е 2 главни латински букви и 6 цифри, напр. DT123456.',
    en: 'The fiscal device number is 2 capital Latin letters and 6 digits, e.g. DT123456.',
  },
  fiscal_device_number_taken: {
    bg: 'Вече има фискално устройство с номер {number}.',
    en: 'There is already a fiscal device numbered {number}.',
  },
  fiscal_device_cash_desk_taken: {
    bg: 'Касата „{account}“ вече се отчита от фискалното устройство „{device}“.',
    en: 'The cash desk "{account}" is already counted by the fiscal device "{device}".',
  },
  fiscal_device_used_by_workstation: {
    bg: 'Работното място „{workstation}“ печата на това устройство: сменете му устройството първо.',
    en: 'The workstation "{workstation}" prints on this device: give it another device first.',
  },
  workstation_device_other_site: {
    bg: 'Устройството „{device}“ е в друг търговски обект: работното място печата на устройство от своя обект.',
    en: 'The device "{device}" is in another sale site: a workstation prints on a device of its own site.',
  },
  workstation_name_taken: {
    bg: 'В обекта вече има работно място „{name}“.',
    en: 'The site already has a workstation "{name}".',
  },
  workstation_unknown: {
    bg: 'Избраното работно място не съществува. Изберете работното място на този браузър отново.',
    en: 'The chosen workstation does not exist. Choose this browser’s workstation again.',
  },
  invalid_url: {
    bg: 'Адресът в „{field}“ трябва да започва с http:// или https://.',
    en: 'The address in "{field}" must start with http:// or https://.',
  },
  fiscal_no_device: {
    bg: 'Няма настроено фискално устройство. Изберете ErpNet.FP в настройките на фискалното устройство.',
    en: 'No fiscal device is set up. Choose ErpNet.FP in the fiscal device settings.',
  },
  fiscal_clock_out_of_sync: {
    bg: 'Часовникът на фискалното устройство ({deviceTime}) се различава от часа на сървъра с {minutes} мин. Сверете часа на устройството и отпечатайте бележката отново.',
    en: "The fiscal device's clock ({deviceTime}) is {minutes} min off the server's time. Set the device's clock right and print the receipt again.",
  },
  fiscal_device_required: {
    bg: 'Плащане в брой или с карта изисква фискално устройство (настройка „Изисква се фискално устройство“), а такова не е настроено. Настройте фискалното устройство или изключете настройката.',
    en: 'A payment in cash or by card needs a fiscal device (the setting "Fiscal device required"), and none is set up. Set up the fiscal device or turn the setting off.',
  },
  fiscal_device_not_tested: {
    bg: 'Фискалното устройство още не е проверено: натиснете „Провери устройството“, за да се запише номерът му.',
    en: 'The fiscal device has not been tested yet: press "Test the device" so that its number is recorded.',
  },
  fiscal_operator_code: {
    bg: 'Кодът на оператора е до 4 латински букви или цифри.',
    en: 'The operator code is up to 4 Latin letters or digits.',
  },
  fiscal_device_serial: {
    bg: 'Номерът на фискалното устройство „{serial}“ не е от 8 латински букви и цифри.',
    en: 'The fiscal device number "{serial}" is not 8 Latin letters and digits.',
  },
  fiscal_sale_numbers_exhausted: {
    bg: 'Поредните номера за продажби (УНП) на устройство {serial} са изчерпани.',
    en: 'The unique sale numbers of device {serial} are used up.',
  },
  fiscal_tax_group_twice: {
    bg: 'Ставка {rate} % е посочена два пъти в данъчните групи.',
    en: 'The {rate} % rate is listed twice in the tax groups.',
  },
  fiscal_no_tax_group: {
    bg: 'Няма данъчна група на фискалното устройство за ставка {rate} %.',
    en: 'The fiscal device has no tax group for the {rate} % rate.',
  },
  fiscal_currency_mismatch: {
    bg: 'Сумите са в {currency}, а фискалното устройство отчита в {device}.',
    en: 'The amounts are in {currency}, but the fiscal device counts in {device}.',
  },
  fiscal_empty_receipt: { bg: 'Бележката няма редове.', en: 'The receipt has no lines.' },
  fiscal_server_unreachable: {
    bg: 'Няма връзка със сървъра ErpNet.FP на {url}. Проверете дали е пуснат и адреса.',
    en: 'Cannot reach the ErpNet.FP server at {url}. Check that it is running and the address.',
  },
  fiscal_server_not_ready: {
    bg: 'Сървърът ErpNet.FP на {url} още търси устройствата. Опитайте след малко.',
    en: 'The ErpNet.FP server at {url} is still detecting devices. Try again in a moment.',
  },
  fiscal_server_error: {
    bg: 'Сървърът ErpNet.FP отговори с грешка ({status}).',
    en: 'The ErpNet.FP server answered with an error ({status}).',
  },
  fiscal_printer_not_found: {
    bg: 'Сървърът ErpNet.FP не познава устройство „{printerId}“. Проверете идентификатора на устройството.',
    en: 'The ErpNet.FP server knows no device "{printerId}". Check the printer id.',
  },
  fiscal_task_pending: {
    bg: 'Устройството още печата. Проверете след малко (задача {taskId}); нищо не се печата повторно.',
    en: 'The device is still printing. Check again in a moment (task {taskId}); nothing is printed twice.',
  },
  fiscal_task_unknown: {
    bg: 'Не е известно дали устройството е отпечатало (задача {taskId}). Проверете лентата; печатайте отново само ако няма бележка.',
    en: 'It is not known whether the device printed (task {taskId}). Check the paper roll; print again only if nothing came out.',
  },
  fiscal_task_not_retryable: {
    bg: 'Задачата е приключила ({status}) и не се изпраща отново.',
    en: 'The task is over ({status}) and is not sent again.',
  },
  fiscal_paper_out: {
    bg: 'Във фискалното устройство няма хартия. Сложете нова ролка и опитайте отново.',
    en: 'The fiscal device is out of paper. Put in a new roll and try again.',
  },
  fiscal_cover_open: {
    bg: 'Капакът на фискалното устройство е отворен. Затворете го и опитайте отново.',
    en: 'The fiscal device’s cover is open. Close it and try again.',
  },
  fiscal_device_not_responding: {
    bg: 'Фискалното устройство не отговаря. Проверете захранването и кабела.',
    en: 'The fiscal device does not respond. Check its power and cable.',
  },
  fiscal_low_battery: {
    bg: 'Батерията на фискалното устройство е изтощена.',
    en: 'The fiscal device’s battery is low.',
  },
  fiscal_clock_not_set: {
    bg: 'Часовникът на фискалното устройство не е сверен.',
    en: 'The fiscal device’s clock is not set.',
  },
  fiscal_device_busy: {
    bg: 'Фискалното устройство е заето с друга връзка. Опитайте след малко.',
    en: 'The fiscal device is busy with another connection. Try again in a moment.',
  },
  fiscal_memory_full: { bg: 'Фискалната памет е пълна.', en: 'The fiscal memory is full.' },
  fiscal_journal_full: {
    bg: 'Електронната контролна лента (КЛЕН) е пълна.',
    en: 'The electronic journal is full.',
  },
  fiscal_invalid_payment: {
    bg: 'Устройството не приема това плащане.',
    en: 'The device does not accept this payment.',
  },
  fiscal_wrong_password: {
    bg: 'Грешен оператор или парола на фискалното устройство.',
    en: 'Wrong operator or password for the fiscal device.',
  },
  fiscal_invalid_tax_group: {
    bg: 'Устройството не познава данъчната група.',
    en: 'The device does not know the tax group.',
  },
  fiscal_not_supported: {
    bg: 'Устройството не поддържа това действие.',
    en: 'The device does not support this action.',
  },
  fiscal_z_report_due: {
    bg: 'Устройството е блокирано: не е пуснат дневен Z отчет за повече от 24 часа.',
    en: 'The device is blocked: no daily Z report for more than 24 hours.',
  },
  fiscal_device_error: {
    bg: 'Фискалното устройство отказа ({deviceCode}): {text}',
    en: 'The fiscal device refused ({deviceCode}): {text}',
  },
  // sales: invoices (issue 13)
  invoice_not_draft: {
    bg: 'Фактура {number} е издадена и не може да се променя: анулирайте я или издайте известие.',
    en: 'Invoice {number} is issued and cannot change: cancel it or issue a note.',
  },
  invoice_not_issued: {
    bg: 'Само издадена фактура може да се анулира.',
    en: 'Only an issued invoice can be cancelled.',
  },
  invoice_already_cancelled: {
    bg: 'Фактура {number} вече е анулирана.',
    en: 'Invoice {number} is already cancelled.',
  },
  invoice_empty: {
    bg: 'Фактурата трябва да има поне един ред.',
    en: 'An invoice needs at least one line.',
  },
  currency_not_of_date: {
    bg: 'Фактура с дата {date} се издава в {expected} (от 01.01.2026 г. – само в евро).',
    en: 'An invoice dated {date} is issued in {expected} (from 1 January 2026 in euro only).',
  },
  vat_reason_required: {
    bg: 'Ред {line} е с 0 % или без ДДС: посочете основанието.',
    en: 'Line {line} has 0 % or no VAT: give the legal ground.',
  },
  vat_rate_positive: {
    bg: 'Основната и намалената ставка на ДДС са над 0 %.',
    en: 'The standard and the reduced VAT rate are above 0 %.',
  },
  vat_rate_not_zero: {
    bg: 'Ставката 0 % и освободените доставки са с 0 %.',
    en: 'The 0 % rate and exempt supplies are at 0 %.',
  },
  vat_rate_reason_required: {
    bg: 'За 0 % и освободена доставка посочете основанието (чл. от ЗДДС).',
    en: 'For 0 % and exempt supplies give the legal ground (article of the VAT act).',
  },
  vat_rate_exists: {
    bg: 'Този вид ставка вече има стойност от тази дата.',
    en: 'This kind of rate already has a value from that day.',
  },
  vat_rate_unknown: {
    bg: 'Ред {line}: няма ставка на ДДС от вида „{kind}“ към датата на данъчното събитие.',
    en: 'Line {line}: there is no VAT rate of kind "{kind}" on the tax event date.',
  },
  personal_id_required: {
    bg: 'Фактура на физическо лице ({name}) изисква ЕГН/ЛНЧ. Въведете го или потвърдете издаване без него.',
    en: 'An invoice to a natural person ({name}) needs an ЕГН/ЛНЧ. Enter it or confirm issuing without it.',
  },
  invoice_requisite_missing: {
    bg: 'Липсва задължителен реквизит на фактурата: {field}.',
    en: 'A requisite the invoice must carry is missing: {field}.',
  },
  due_before_issue: {
    bg: 'Падежът не може да е преди датата на издаване.',
    en: 'The due date cannot be before the issue date.',
  },
  order_not_billable: {
    bg: 'Поръчка {number} не е завършена: фактурира се само готова или предадена поръчка.',
    en: 'Order {number} is not finished: only a ready or delivered order is invoiced.',
  },
  order_already_billed: {
    bg: 'Поръчката вече е приключена с документ (фактура, касова бележка или стокова разписка).',
    en: 'The order is already closed with a document (an invoice, a sale receipt or a goods delivery note).',
  },
  delivery_needs_document: {
    bg: 'Поръчка {number} има сума за плащане и не е приключена с документ: издайте фактура, касова бележка или стокова разписка, или посочете причина за предаването без документ.',
    en: 'Order {number} has an amount to pay and no closing document: issue an invoice, a sale receipt or a goods delivery note, or give the reason for delivering it without one.',
  },
  order_nothing_to_bill: {
    bg: 'Поръчка {number} няма редове, които клиентът плаща.',
    en: 'Order {number} has no lines the customer pays.',
  },
  // proforma invoices (ADR 0025)
  proforma_already_converted: {
    bg: 'Проформа фактура {number} вече е превърната във фактура {invoiceNumber}.',
    en: 'Proforma invoice {number} is already converted into invoice {invoiceNumber}.',
  },
  proforma_cancelled: {
    bg: 'Проформа фактура {number} е анулирана.',
    en: 'Proforma invoice {number} is cancelled.',
  },
  advance_not_deductible: {
    bg: 'Фактура {number} не може да се приспадне: приспада се издадена авансова фактура на същия клиент и в същата валута, веднъж на фактура.',
    en: 'Invoice {number} cannot be deducted: only an issued advance invoice of the same customer and currency, once an invoice.',
  },
  advance_exceeds_left: {
    bg: 'От авансова фактура {number} остават за приспадане {left} {currency} (данъчна основа).',
    en: 'Advance invoice {number} has {left} {currency} (tax base) left to deduct.',
  },
  deduction_exceeds_invoice: {
    bg: 'Приспаднатият аванс е по-голям от сумата на фактурата.',
    en: 'The advance deducted is more than the invoice amount.',
  },
  order_other_customer: {
    bg: 'Поръчката е на друг клиент.',
    en: 'The order is another customer’s.',
  },
  valid_until_before_issue: {
    bg: '„Валидна до“ не може да е преди датата на издаване.',
    en: '"Valid until" cannot be before the issue date.',
  },
  // cash desks and bank accounts (ADR 0018)
  not_for_cash_desk: {
    bg: 'Полето „{field}“ е само за банкова сметка, не за каса.',
    en: 'Field "{field}" is for a bank account only, not for a cash desk.',
  },
  unknown_account: { bg: 'Няма такава каса или банкова сметка.', en: 'No such cash desk or bank account.' },
  account_archived: {
    bg: '„{account}“ е архивирана: по нея не се записват движения.',
    en: '"{account}" is archived: no movements are recorded on it.',
  },
  not_a_cash_desk: {
    bg: '„{account}“ не е каса: тук се записват само внасяния и изплащания по каса.',
    en: '"{account}" is not a cash desk: only cash in and cash out on a cash desk are recorded here.',
  },
  transfer_same_account: {
    bg: 'Прехвърлянето е между две различни сметки.',
    en: 'A transfer is between two different accounts.',
  },
  only_for_transfer: {
    bg: 'Сметка получател се посочва само при прехвърляне.',
    en: 'A receiving account is given for a transfer only.',
  },
  only_for_supplier_payment: {
    bg: 'Доставчик се посочва само при плащане на доставчик.',
    en: 'A supplier is given for a supplier payment only.',
  },
  only_for_expense: {
    bg: 'Категория се посочва само при разход.',
    en: 'A category is given for an expense only.',
  },
  cash_desk_negative: {
    bg: 'Наличността в „{account}“ не стига: на {date} ще липсват {shortfall}. Касата не може да е на минус.',
    en: 'Not enough cash in "{account}": on {date} it would be {shortfall} short. A cash desk cannot go below zero.',
  },
  money_reversal_of_reversal: {
    bg: 'Движение {number} е сторно и не може да се сторнира.',
    en: 'Movement {number} is a reversal and cannot be reversed.',
  },
  money_movement_of_customer: {
    bg: 'Движение {number} е плащане на клиент или връщане на пари на клиент: отменете го от плащането (разпределенията и връщане на аванса), от връщането или със сторно на касовата бележка.',
    en: "Movement {number} is a customer's payment or refund: undo it from the payment (its allocations and a refund of the advance), from the refund, or by a storno of the sale receipt.",
  },
  money_movement_reversed: {
    bg: 'Движение {number} вече е сторнирано.',
    en: 'Movement {number} is already reversed.',
  },
  // the fiscal device's cash desk (FIS-03, ADR 0028)
  fiscal_device_cash_desk_only: {
    bg: 'Фискалното устройство отчита каса, не банкова сметка.',
    en: 'The fiscal device counts a cash desk, not a bank account.',
  },
  fiscal_cash_desk_taken: {
    bg: 'Фискалното устройство вече отчита каса „{account}“. Махнете отметката там първо.',
    en: 'The fiscal device already counts the cash desk "{account}". Untick it there first.',
  },
  fiscal_cash_desk_today: {
    bg: 'Движение по касата на фискалното устройство се записва с днешна дата ({date}): устройството го отчита сега.',
    en: 'A movement on the fiscal device’s cash desk is dated today ({date}): the device registers it now.',
  },
  fiscal_task_mismatch: {
    bg: 'Задача {taskId} е за друга операция или сума. Започнете нова.',
    en: 'Task {taskId} is for another operation or amount. Start a new one.',
  },
  fiscal_live_cash_today: {
    bg: 'Наличността се чете от фискалното устройство само за днес ({date}) и само за неговата каса.',
    en: 'The cash is read from the fiscal device only for today ({date}) and only for its cash desk.',
  },
  not_the_fiscal_cash_desk: {
    bg: '„{account}“ не е касата на фискалното устройство.',
    en: '"{account}" is not the fiscal device’s cash desk.',
  },
  // sales: credit and debit notes, the cancellation protocol (issue 13, item 2)
  note_invoice_not_issued: {
    bg: 'Известие се издава само към издадена и неанулирана фактура ({number}).',
    en: 'A note is issued only against an issued invoice that is not cancelled ({number}).',
  },
  credit_exceeds_invoice: {
    bg: 'Кредитното известие надвишава остатъка по фактура {number}: остават {left} {currency}.',
    en: 'The credit note is more than what is left of invoice {number}: {left} {currency} left.',
  },
  note_before_invoice: {
    bg: 'Известието не може да е с дата преди фактурата ({date}).',
    en: 'A note cannot be dated before its invoice ({date}).',
  },
  note_full_credit_only: {
    bg: 'Цялата фактура се кредитира само с кредитно известие.',
    en: 'Only a credit note can take the whole invoice.',
  },
  invoice_has_notes: {
    bg: 'Фактура {number} има издадени известия: анулирайте първо тях.',
    en: 'Invoice {number} has issued notes: cancel them first.',
  },
  replacement_not_issued: {
    bg: 'Заместващият документ трябва да е друг издаден документ.',
    en: 'The replacing document must be another issued document.',
  },
  invoice_not_cancelled: {
    bg: 'Протокол за анулиране има само анулиран документ.',
    en: 'Only a cancelled document has a cancellation protocol.',
  },
  // VAT sales journal (ADR 0021)
  invoice_date_before_previous: {
    bg: 'Датата на фактурата е преди датата на предишната в поредицата: {previousNumber} от {previousDate}.',
    en: 'The invoice is dated before the previous one in its series: {previousNumber} of {previousDate}.',
  },
  month_in_future: {
    bg: 'Месецът още не е започнал: файл за него няма.',
    en: 'The month has not begun yet: there is no file for it.',
  },
  company_uic_missing: {
    bg: 'Фирмата няма ЕИК: одиторският файл за НАП не може да се състави.',
    en: 'The company has no UIC (ЕИК): the audit file for NAP cannot be made.',
  },
  nap_site_code_missing: {
    bg: 'Обект „{site}“ няма код в НАП: въведете го в „Обекти и работни места“, за да се състави файлът му.',
    en: 'Site “{site}” has no NAP code: enter it in “Sites and workstations” to make its file.',
  },
  nap_site_code_too_long: {
    bg: 'Кодът в НАП на обект „{site}“ ({code}) е по-дълъг от {max} знака, колкото позволява файлът.',
    en: 'The NAP code of site “{site}” ({code}) is longer than the {max} characters the file allows.',
  },
  nap_audit_site_required: {
    bg: 'През месеца са продавали няколко обекта ({sites}): изберете за кой е файлът.',
    en: 'Several sites sold in the month ({sites}): choose the site the file is for.',
  },
  company_vat_number_missing: {
    bg: 'Фирмата няма ДДС номер: файлът за НАП не може да се състави.',
    en: 'The company has no VAT number: the file for NAP cannot be made.',
  },
  // customer payments (ADR 0020)
  allocation_choose_one: {
    bg: 'Разпределете или ръчно, или „най-старите първо“, не и двете.',
    en: 'Allocate either by hand or oldest first, not both.',
  },
  unknown_invoice: { bg: 'Няма такава фактура.', en: 'There is no such invoice.' },
  invoice_other_customer: {
    bg: 'Фактура {number} е на друг клиент.',
    en: 'Invoice {number} belongs to another customer.',
  },
  invoice_not_payable: {
    bg: 'Фактура {number} не е издадена или е анулирана: по нея не се разпределя плащане.',
    en: 'Invoice {number} is not issued or is cancelled: no payment is allocated to it.',
  },
  allocation_currency_differs: {
    bg: 'Фактура {number} е в {currency}, плащането е в {paymentCurrency}: разпределяне между валути още не се поддържа.',
    en: 'Invoice {number} is in {currency}, the payment in {paymentCurrency}: allocating across currencies is not supported yet.',
  },
  allocation_exceeds_open: {
    bg: 'По фактура {number} остават за плащане само {open}.',
    en: 'Only {open} is left to pay on invoice {number}.',
  },
  allocation_exceeds_payment: {
    bg: 'От плащането остават неразпределени само {unallocated}.',
    en: 'Only {unallocated} of the payment is left unallocated.',
  },
  nothing_to_allocate: {
    bg: 'Няма какво да се разпредели: плащането е разпределено или клиентът няма неплатени фактури.',
    en: 'Nothing to allocate: the payment is allocated or the customer has no open invoices.',
  },
  allocation_already_undone: {
    bg: 'Разпределението вече е отменено.',
    en: 'The allocation is already undone.',
  },
  write_off_over_limit: {
    bg: 'Може да се отпише разлика до {max}.',
    en: 'A difference of up to {max} may be written off.',
  },
  invoice_has_payments: {
    bg: 'По фактурата има разпределени плащания ({amount}): отменете разпределенията, преди да я анулирате.',
    en: 'Payments of {amount} are allocated to the invoice: undo the allocations before cancelling it.',
  },
  // refunds against credit notes (ADR 0029)
  refund_target_one: {
    bg: 'Посочете или кредитно известие, или плащане (аванс), не и двете.',
    en: 'Name either a credit note or a payment (advance), not both.',
  },
  unknown_credit_note: { bg: 'Няма такова кредитно известие.', en: 'There is no such credit note.' },
  refund_not_credit_note: {
    bg: 'Документ {number} не е издадено кредитно известие: по него не се връщат пари.',
    en: 'Document {number} is not an issued credit note: no money is paid back against it.',
  },
  credit_note_other_customer: {
    bg: 'Кредитно известие {number} е на друг клиент.',
    en: 'Credit note {number} belongs to another customer.',
  },
  refund_exceeds_credit: {
    bg: 'По кредитно известие {number} остават за връщане само {left}.',
    en: 'Only {left} is left to pay back on credit note {number}.',
  },
  refund_exceeds_owed: {
    bg: 'По фактура {invoice} клиентът има да получава само {owed}: фактурата не е платена над остатъка.',
    en: 'The customer is owed only {owed} on invoice {invoice}: it was not paid beyond what is left.',
  },
  unknown_payment: { bg: 'Няма такова плащане.', en: 'There is no such payment.' },
  payment_other_customer: {
    bg: 'Плащане {number} е на друг клиент.',
    en: 'Payment {number} belongs to another customer.',
  },
  refund_exceeds_advance: {
    bg: 'От аванса по плащане {number} остават само {left}.',
    en: 'Only {left} of the advance on payment {number} is left.',
  },
  refund_needs_fiscal_storno: {
    bg: 'Има фискално устройство: връщане в брой или с карта иска сторно бон (номер и час) от устройството.',
    en: 'A fiscal device is configured: a cash or card refund needs the storno receipt (number and time) from the device.',
  },
  refund_already_undone: { bg: 'Връщането вече е отменено.', en: 'The refund is already undone.' },
  // stornos of payments' receipts printed by refunds (FIS-02, ADR 0040)
  unknown_sale_receipt: { bg: 'Няма такава касова бележка.', en: 'No such sale receipt.' },
  storno_receipt_not_payment: {
    bg: 'Касова бележка {number} не е издадена за плащане на клиент: сторнирайте я от нейната страница.',
    en: "Sale receipt {number} was not issued for a customer's payment: reverse it from its own page.",
  },
  storno_receipt_other_customer: {
    bg: 'Касова бележка {number} е на друг клиент.',
    en: 'Sale receipt {number} is of another customer.',
  },
  storno_currency_differs: {
    bg: 'Касова бележка {number} е в {currency}, а връщането е в евро.',
    en: 'Sale receipt {number} is in {currency} but the refund is in euro.',
  },
  storno_exceeds_receipt: {
    bg: 'Сторното надхвърля касова бележка {number}: остават {left} € за сторниране.',
    en: 'The storno exceeds sale receipt {number}: {left} € is left to reverse.',
  },
  storno_not_with_bank: {
    bg: 'Банков превод не се сторнира на фискалното устройство.',
    en: 'A bank transfer is not reversed on the fiscal device.',
  },
  storno_original_not_printed: {
    bg: 'Оригиналната касова бележка {number} още не е отпечатана: отпечатайте я, после сторното.',
    en: 'The original sale receipt {number} is not printed yet: print it, then the storno.',
  },
  refund_storno_printed: {
    bg: 'Сторно бонът на това връщане е отпечатан на фискалното устройство: връщането не се отменя.',
    en: "This refund's storno receipt is printed on the fiscal device: the refund cannot be undone.",
  },
  allocation_refunded: {
    bg: 'Парите по кредитните известия към фактура {number} вече са върнати ({refunded}): отменете първо връщането.',
    en: 'The money of the credit notes on invoice {number} is already paid back ({refunded}): undo the refund first.',
  },
  credit_note_refunded: {
    bg: 'По кредитното известие са върнати пари ({amount}): отменете връщането, преди да го анулирате.',
    en: 'Money of {amount} was paid back on the credit note: undo the refund before cancelling it.',
  },
  bank_account_required: {
    bg: 'Банково извлечение се внася само в активна банкова сметка.',
    en: 'A bank statement is imported into an active bank account only.',
  },
  bank_columns_unknown: {
    bg: 'Не намерихме колоните за дата и сума ({headers}): посочете кои са.',
    en: 'The date and amount columns were not found ({headers}): say which they are.',
  },
  bank_column_not_in_file: {
    bg: 'Във файла няма колона „{header}“.',
    en: 'The file has no column "{header}".',
  },
  bank_line_unknown: {
    bg: 'Този ред не е в извлечението.',
    en: 'This line is not in the statement.',
  },
  bank_line_not_incoming: {
    bg: 'Ред {line} не е постъпление: внасят се само постъпления.',
    en: 'Line {line} is not incoming money: only incoming lines are imported.',
  },
  bank_line_already_imported: {
    bg: 'Ред {line} вече е внесен.',
    en: 'Line {line} is already imported.',
  },
  bank_line_date: { bg: 'Невалидна дата.', en: 'Invalid date.' },
  bank_line_amount: { bg: 'Невалидна сума.', en: 'Invalid amount.' },
  invalid_base64: { bg: 'Файлът не е изпратен правилно.', en: 'The file was not sent correctly.' },
  // sale receipts (ADR 0022)
  receipt_total_zero: {
    bg: 'Бележката е на нулева стойност: добавете цена.',
    en: 'The receipt comes to zero: add a price.',
  },
  receipt_of_payment: {
    bg: 'Касова бележка {number} е издадена за плащане на клиент и не се сторнира сама: плащането стои върху нея.',
    en: "Sale receipt {number} was issued for a customer's payment and is not reversed on its own: the payment stands on it.",
  },
  receipt_not_issued: {
    bg: 'Касова бележка {number} вече е сторнирана.',
    en: 'Sale receipt {number} is already reversed.',
  },
  receipt_currency_mismatch: {
    bg: 'Продажбата е в {currency}, а фискалното устройство брои в {device}.',
    en: 'The sale is in {currency} but the fiscal device counts in {device}.',
  },
  receipt_method_not_fiscal: {
    bg: 'С касова бележка се плаща в брой или с карта.',
    en: 'A sale receipt is paid in cash or by card.',
  }, // visit requests and the technicians' schedule (ADR 0031)
  item_not_at_site: {
    bg: 'Уредът {item} не е монтиран на обект „{site}“.',
    en: 'The item {item} is not installed at site "{site}".',
  },
  service_item_not_in_request: {
    bg: 'Услугата е за уред, който не е в заявката.',
    en: 'The service is for an item that is not on the request.',
  },
  unknown_visit_request: { bg: 'Няма такава заявка за посещение.', en: 'No such visit request.' },
  visit_request_closed: {
    bg: 'Заявката е приключена или отказана и не може да се планира или променя.',
    en: 'The request is done or cancelled and cannot be planned or changed.',
  },
  visit_request_not_planned: {
    bg: 'Заявката още не е планирана.',
    en: 'The request is not planned yet.',
  },
  visit_request_planned_by_booking: {
    bg: 'Заявката става планирана, когато се запише в графика, и нова, когато записът се откаже.',
    en: 'A request becomes planned when it is booked, and new again when its booking is cancelled.',
  },
  booking_overlap: {
    bg: '{technician} вече има посещение от {start} до {end}.',
    en: '{technician} already has a booking from {start} to {end}.',
  },
  outside_working_hours: {
    bg: 'Часът е извън работното време на {technician} на {day}.',
    en: 'The slot is outside the working hours of {technician} on {day}.',
  },
  technician_day_off: {
    bg: '{day} е почивен ден за {technician}.',
    en: '{day} is a day off for {technician}.',
  },
  override_not_allowed: {
    bg: 'Само управител може да запише въпреки конфликт.',
    en: 'Only a manager may book despite a conflict.',
  },
  technician_inactive: {
    bg: 'Техникът {name} не е активен.',
    en: 'Technician {name} is not active.',
  },
  booking_not_planned: {
    bg: 'Посещението вече е изпълнено или отказано.',
    en: 'The booking is already done or cancelled.',
  },
  not_own_booking: {
    bg: 'Можете да работите само по свое посещение.',
    en: 'You can work only on a booking of yours.',
  },
  booking_not_a_visit: {
    bg: 'Това е работен блок за поръчка в сервиза, не посещение.',
    en: 'This is a work block for an order in the shop, not a visit.',
  },
  visit_request_without_item: {
    bg: 'Заявката няма уред; добавете уред от обекта, за да започне посещението.',
    en: 'The request has no item; add an item of the site to start the visit.',
  },
  visit_not_started: {
    bg: 'Посещението още не е започнато.',
    en: 'The visit has not been started yet.',
  },
  visit_order_not_in_repair: {
    bg: 'Поръчка {number} е в статус „{status}“ и не може да се завърши от посещението.',
    en: 'Order {number} is {status} and cannot be finished from the visit.',
  },
  range_too_long: {
    bg: 'Периодът е твърде дълъг (до {days} дни).',
    en: 'The period is too long (up to {days} days).',
  },
  end_before_start: { bg: 'Краят е преди началото.', en: 'The end is before the start.' },
  request_or_order: {
    bg: 'Посочете заявка за посещение или сервизна поръчка (само едно от двете).',
    en: 'Name a visit request or a service order (one of them).',
  },
  day_off_exists: { bg: 'Този почивен ден вече е записан.', en: 'This day off is already recorded.' },
  party_has_visit_requests: {
    bg: 'Клиентът има заявки за посещение: {count}.',
    en: 'The customer has visit requests: {count}.',
  },
  site_has_visit_requests: {
    bg: 'Обектът има заявки за посещение: {count}.',
    en: 'The site has visit requests: {count}.',
  },
  item_has_visit_requests: {
    bg: 'Уредът е в заявки за посещение: {count}.',
    en: 'The item is on visit requests: {count}.',
  },
  service_type_has_visit_requests: {
    bg: 'Услугата е планирана в заявки за посещение: {count}.',
    en: 'The service type is planned on visit requests: {count}.',
  },
  technician_has_bookings: {
    bg: 'Техникът има записи в графика: {count}.',
    en: 'The technician has bookings on the schedule: {count}.',
  },
  technician_has_days_off: {
    bg: 'Техникът има записани почивни дни: {count}.',
    en: 'The technician has days off recorded: {count}.',
  },
  technician_lacks_skill: {
    bg: 'Техникът няма умение за категория {categoryCode}.',
    en: 'The technician has no skill for category {categoryCode}.',
  },
  // sending documents by e-mail (ADR 0036)
  mail_not_configured: {
    bg: 'Няма настроен сървър за изпращане на имейли (Настройки → Фирма → Имейл).',
    en: 'No e-mail server is set up (Settings → Company → E-mail).',
  },
  invalid_host: { bg: 'Невалиден адрес на сървър.', en: 'Invalid server address.' },
  party_has_mail: {
    bg: 'До контрагента има изпратени писма: {count}.',
    en: 'Messages were sent to the party: {count}.',
  },
  document_not_issued: {
    bg: 'Документът още не е издаден: чернова не се изпраща.',
    en: 'The document is not issued yet: a draft is not sent.',
  },
  document_cancelled: {
    bg: 'Документ {number} е анулиран и не се изпраща.',
    en: 'Document {number} is cancelled and is not sent.',
  },
  einvoice_consent_missing: {
    bg: 'Клиентът не е дал съгласие да получава електронни фактури. Отбележете съгласието, за да изпратите {number}.',
    en: 'The customer has not agreed to receive electronic invoices. Record the consent to send {number}.',
  },
  einvoice_consent_forbidden: {
    bg: 'Само потребител, който редактира клиента, може да отбележи съгласието му за електронни фактури.',
    en: 'Only a user who may edit the customer can record their consent to electronic invoices.',
  },
  smtp_unreachable: { bg: 'Сървърът за имейл не отговаря.', en: 'The e-mail server does not answer.' },
  smtp_auth_failed: {
    bg: 'Сървърът за имейл отказа потребителя или паролата.',
    en: 'The e-mail server refused the user name or password.',
  },
  smtp_tls_failed: {
    bg: 'Неуспешна защитена връзка (TLS) със сървъра за имейл.',
    en: 'The secure connection (TLS) to the e-mail server failed.',
  },
  smtp_rejected: { bg: 'Сървърът за имейл отказа писмото.', en: 'The e-mail server refused the message.' },
  smtp_deferred: {
    bg: 'Сървърът за имейл поиска да се опита по-късно.',
    en: 'The e-mail server asked to try again later.',
  },
  smtp_error: { bg: 'Грешка при изпращането на имейла.', en: 'The e-mail could not be sent.' },
  document_unavailable: {
    bg: 'Документът не можа да се подготви.',
    en: 'The document could not be prepared.',
  },
  mail_not_failed: {
    bg: 'Писмото не е неуспешно (състояние „{status}“): няма какво да се изпрати отново.',
    en: 'The message has not failed (status "{status}"): there is nothing to send again.',
  },
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A parameter as a message shows it: calendar dates as 30.11.2026 (the Bulgarian way, in both languages). */
function shown(value: unknown): string {
  const s = String(value ?? '');
  const d = ISO_DATE.exec(s);
  return d ? `${d[3]}.${d[2]}.${d[1]}` : s;
}

/**
 * The message of a code in a language, its {parameters} filled in. A code with a `date` parameter uses its dated
 * variant (`code:dated`) when there is one.
 */
export function message(code: string, locale: Locale, params: Record<string, unknown> = {}): string {
  const entry = (params.date !== undefined && MESSAGES[`${code}:dated`]) || MESSAGES[code];
  const template = entry?.[locale] ?? entry?.en ?? code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => shown(params[k]));
}

/** The user's language: their saved choice, else the X-Servix-Locale header, else Accept-Language, else Bulgarian. */
export function pickLocale(
  saved: string | undefined,
  header: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  for (const candidate of [saved, header]) if (candidate === 'bg' || candidate === 'en') return candidate;
  if (acceptLanguage) {
    const first = acceptLanguage.split(',')[0]?.trim().slice(0, 2).toLowerCase();
    if (first === 'en') return 'en';
  }
  return 'bg';
}
