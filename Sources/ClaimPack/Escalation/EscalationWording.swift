/// The sentences `escalate` writes into the new `claim.yaml`, in the claim's language:
/// the events the delivery record proves, the subject, the prefilled demands and the
/// placeholders. The person reads and edits all of them before `build`.
struct EscalationWording {
    let language: Language
    let dates: CalculationWording

    init(_ language: Language) {
        self.language = language
        dates = CalculationWording(language)
    }

    func date(_ date: CalendarDate) -> String { dates.date(date) }

    /// «Претензия», «Жалоба» … : what the earlier step was called, as a sentence's subject.
    func earlier(_ kind: ClaimKind) -> String {
        switch (language, kind) {
        case (.ru, .claim): "Претензия"
        case (.ru, .complaint): "Жалоба"
        case (.ru, .court): "Исковое заявление"
        case (.uk, .claim): "Претензія"
        case (.uk, .complaint): "Скарга"
        case (.uk, .court): "Позовна заява"
        case (.en, .claim): "The letter before action"
        case (.en, .complaint): "The complaint"
        case (.en, .court): "The claim"
        }
    }

    /// «направлена 22.11.2026 ценным письмом № 62009147017544».
    func sent(_ kind: ClaimKind, on day: CalendarDate, method: DeliveryMethod?, tracking: String?) -> String {
        let neuter = kind == .court
        let how: String = switch (language, method) {
        case (.ru, .registeredMail?), (.ru, nil): "ценным письмом с описью вложения"
        case (.ru, .email?): "по электронной почте"
        case (.ru, .portal?): "через личный кабинет (портал)"
        case (.ru, .hand?): "нарочно"
        case (.ru, .courier?): "курьерской службой"
        case (.uk, .registeredMail?), (.uk, nil): "цінним листом з описом вкладення"
        case (.uk, .email?): "електронною поштою"
        case (.uk, .portal?): "через особистий кабінет (портал)"
        case (.uk, .hand?): "особисто"
        case (.uk, .courier?): "кур'єрською службою"
        case (.en, .registeredMail?), (.en, nil): "by recorded delivery"
        case (.en, .email?): "by e-mail"
        case (.en, .portal?): "through the company's portal"
        case (.en, .hand?): "by hand"
        case (.en, .courier?): "by courier"
        }
        let number = tracking.map { language == .en ? ", tracking number \($0)" : " № \($0)" } ?? ""
        switch language {
        case .ru: return "\(earlier(kind)) \(neuter ? "направлено" : "направлена") \(date(day)) \(how)\(number)"
        case .uk: return "\(earlier(kind)) \(neuter ? "надіслано" : "надіслана") \(date(day)) \(how)\(number)"
        case .en: return "\(earlier(kind)) was sent on \(date(day)) \(how)\(number)"
        }
    }

    func delivered(_ kind: ClaimKind, on day: CalendarDate) -> String {
        let neuter = kind == .court
        switch language {
        case .ru: return "\(neuter ? "вручено" : "вручена") \(date(day))"
        case .uk: return "\(neuter ? "вручено" : "вручена") \(date(day))"
        case .en: return "delivered on \(date(day))"
        }
    }

    func returned(on day: CalendarDate) -> String {
        switch language {
        case .ru: return "возвращено отправителю \(date(day)) за истечением срока хранения (сообщение считается доставленным, ст. 165.1 ГК РФ)"
        case .uk: return "повернуто відправнику \(date(day)) за закінченням строку зберігання"
        case .en: return "returned undelivered on \(date(day))"
        }
    }

    func notAnswered(due: CalendarDate) -> String {
        switch language {
        case .ru: "ответ в срок до \(date(due)) не получен"
        case .uk: "відповіді у строк до \(date(due)) не отримано"
        case .en: "no answer was received by \(date(due)), the date it was due"
        }
    }

    func periodRuns(due: CalendarDate) -> String {
        switch language {
        case .ru: "срок ответа истекает \(date(due))"
        case .uk: "строк відповіді спливає \(date(due))"
        case .en: "the answer is due by \(date(due))"
        }
    }

    /// Why a statement of claim drafted before the answer was due has no penalty demand.
    func noPenaltyYet(due: CalendarDate, asOf: CalendarDate) -> String {
        switch language {
        case .ru: "Требования о неустойке нет: на \(date(asOf)) срок ответа на претензию (до \(date(due))) не истёк, просрочки ещё нет. Добавьте его, если подаёте иск позже."
        case .uk: "Вимоги про пеню немає: на \(date(asOf)) строк відповіді на претензію (до \(date(due))) не сплив, прострочення ще немає. Додайте її, якщо подаєте позов пізніше."
        case .en: "No interest demand: on \(date(asOf)) the answer to the letter before claim was not yet overdue (due by \(date(due))), so no interest has run. Add one if you file later."
        }
    }

    func answered(on day: CalendarDate, by name: String) -> String {
        switch language {
        case .ru: "Получен ответ от \(date(day)) от \(name), в требованиях отказано."
        case .uk: "Отримано відповідь від \(date(day)) від \(name), у вимогах відмовлено."
        case .en: "\(name) answered on \(date(day)) and refused the demands."
        }
    }

    func subject(_ kind: ClaimKind, respondent: String, answered: Bool) -> String {
        switch (language, kind) {
        case (.ru, .court): "Исковое заявление о защите прав потребителя"
        case (.uk, .court): "Позовна заява про захист прав споживача"
        case (.en, .court): "Particulars of claim"
        case (.ru, _): "Жалоба на действия \(respondent), \(answered ? "отказавшего удовлетворить" : "не ответившего на") претензию"
        case (.uk, _): "Скарга на дії \(respondent), \(answered ? "який відмовив задовольнити" : "який не відповів на") претензію"
        case (.en, _): "Complaint about \(respondent), who \(answered ? "refused" : "did not answer") my letter before action"
        }
    }

    func bundleTitle(id: String, kind: ClaimKind, seal: SHA256Digest) -> String {
        switch language {
        case .ru: "\(earlier(kind)) \(id): пакет claimpack с доказательствами и записью о доставке (печать \(seal.hex))"
        case .uk: "\(earlier(kind)) \(id): пакет claimpack з доказами та записом про доставку (печатка \(seal.hex))"
        case .en: "\(earlier(kind)) \(id): claimpack bundle with its evidence and delivery record (seal \(seal.hex))"
        }
    }

    func proofTitle(_ kind: DeliveryEvent.Kind, day: CalendarDate, file: String) -> String {
        let what: String = switch (language, kind) {
        case (.ru, .sent): "Подтверждение отправки"
        case (.ru, .delivered): "Подтверждение вручения"
        case (.ru, .returned): "Подтверждение возврата"
        case (.ru, _): "Ответ"
        case (.uk, .sent): "Підтвердження відправлення"
        case (.uk, .delivered): "Підтвердження вручення"
        case (.uk, .returned): "Підтвердження повернення"
        case (.uk, _): "Відповідь"
        case (.en, .sent): "Proof of posting"
        case (.en, .delivered): "Proof of delivery"
        case (.en, .returned): "Proof of return"
        case (.en, _): "The answer"
        }
        return "\(what) \(date(day)) (\(file))"
    }

    // Placeholders: whole values in <…>, which `check` reports (C013) until filled in.

    var officialPlaceholder: String {
        switch language {
        case .ru: "<Ф. И. О. руководителя органа в дательном падеже («Иванову И. И.») — по его сайту, или удалите строку>"
        case .uk: "<П. І. Б. керівника органу в давальному відмінку («Іваненку І. І.») — за його сайтом, або видаліть рядок>"
        case .en: "<the ombudsman's or official's name, or delete this line>"
        }
    }

    var authorityPlaceholder: String {
        switch language {
        case .ru: "<название органа, которому адресована жалоба>"
        case .uk: "<назва органу, якому адресовано скаргу>"
        case .en: "<the regulator or ombudsman the complaint goes to>"
        }
    }

    var authorityAddressPlaceholder: String {
        switch language {
        case .ru: "<почтовый адрес органа с индексом>"
        case .uk: "<поштова адреса органу з індексом>"
        case .en: "<its postal address with postcode>"
        }
    }

    var courtPlaceholder: String {
        switch language {
        case .ru: "<Мировому судье судебного участка № … / в … районный суд г. …>"
        case .uk: "<… районний суд м. …>"
        case .en: "<County Court Money Claims Centre, or the court you file in>"
        }
    }

    var courtAddressPlaceholder: String {
        switch language {
        case .ru: "<адрес суда с индексом>"
        case .uk: "<адреса суду з індексом>"
        case .en: "<the court's address with postcode>"
        }
    }

    /// What the comment above `addressee:` says of a position, which `escalate` does not write.
    var complaintPositionNote: String? {
        switch language {
        case .ru: "position: — по желанию, в дательном падеже и с названием органа: «Руководителю Управления Роскомнадзора по г. Москве»; без неё жалоба адресована органу (ст. 7 59-ФЗ)."
        case .uk: "position: — за бажанням, у давальному відмінку з назвою органу: «Начальнику Головного управління Держпродспоживслужби в м. Києві»; без неї скарга адресована органу."
        case .en: nil
        }
    }

    /// What the procedure code asks of the plaintiff beyond name and address, as
    /// placeholders: ru ГПК РФ ст. 131 ч. 2 п. 2 (date and place of birth, one identifier);
    /// ua ЦПК України ст. 175 ч. 3 п. 2 (РНОКПП or the passport); gb nothing.
    var plaintiffPlaceholders: (birthDate: String?, birthPlace: String?, identifier: String?) {
        switch language {
        case .ru: ("<ГГГГ-ММ-ДД — дата рождения истца>", "<место рождения истца, как в паспорте>",
                   "<один идентификатор: СНИЛС, ИНН или серия и номер паспорта, например «СНИЛС 112-233-445 95»>")
        case .uk: (nil, nil, "<РНОКПП позивача або серія і номер паспорта, наприклад «РНОКПП 1234567890»>")
        case .en: (nil, nil, nil)
        }
    }

    var plaintiffComment: String {
        switch language {
        case .ru: "ст. 131 ч. 2 п. 2 ГПК РФ: дата и место рождения истца и один из его идентификаторов."
        case .uk: "ст. 175 ч. 3 п. 2 ЦПК України: РНОКПП позивача (за наявності) або серія і номер паспорта."
        case .en: ""
        }
    }
}
