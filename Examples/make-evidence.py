#!/usr/bin/env python3
"""Draws the small evidence images and scanned receipts of the example claims.

The examples' PNG and PDF files were made with this script (Pillow + DejaVu fonts) so that
they are real files of their type, small enough to commit. Run it again only to change
them: `python3 Examples/make-evidence.py` (needs `pip install pillow` and fonts-dejavu-core).
"""
from pathlib import Path
from PIL import Image, ImageDraw, ImageFont

FONTS = Path("/usr/share/fonts/truetype/dejavu")
HERE = Path(__file__).resolve().parent


def font(size, bold=False):
    return ImageFont.truetype(str(FONTS / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")), size)


def screenshot(path, title, rows, accent=(227, 6, 19)):
    """A phone-app-like screenshot: a coloured header, then label/value rows."""
    image = Image.new("RGB", (480, 120 + 52 * len(rows)), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, 480, 70], fill=accent)
    draw.text((20, 22), title, font=font(22, bold=True), fill="white")
    y = 90
    for label, value in rows:
        draw.text((20, y), label, font=font(15), fill=(90, 90, 90))
        draw.text((20, y + 20), value, font=font(17, bold=True), fill=(20, 20, 20))
        draw.line([20, y + 46, 460, y + 46], fill=(225, 225, 225))
        y += 52
    save(image.quantize(colors=16), path)


def receipt(path, lines):
    """A scanned till receipt or statement page, saved as a one-page PDF."""
    image = Image.new("L", (420, 60 + 26 * len(lines)), 255)
    draw = ImageDraw.Draw(image)
    y = 30
    for line in lines:
        bold = line.startswith("*")
        draw.text((24, y), line.lstrip("*"), font=font(14, bold=bold), fill=0)
        y += 26
    save(image, path, pdf=True)


def save(image, path, pdf=False):
    target = HERE / path
    target.parent.mkdir(parents=True, exist_ok=True)
    if pdf:
        image.save(target, "PDF", resolution=100, title=target.stem, creationDate=None)
    else:
        image.save(target, "PNG", optimize=True)


# Russian telecom: a subscription charged without consent.
screenshot("ru-telecom-subscription/evidence/balance-2026-10-01.png", "Мой МТС · Баланс", [
    ("01.10.2026 10:15", "Подписка «Контент+»  −1 500,00 ₽"),
    ("30.09.2026 18:02", "Пополнение счёта  +2 000,00 ₽"),
    ("Лицевой счёт", "987654321"),
    ("Баланс", "612,40 ₽"),
])
screenshot("ru-telecom-subscription/evidence/чат/чат с поддержкой 05.10.2026.png", "Чат с поддержкой", [
    ("05.10.2026 12:40 · Вы", "Верните 1 500 ₽ за «Контент+»"),
    ("05.10.2026 12:44 · Оператор", "Обращение № 2026-55-1301 передано"),
    ("05.10.2026 12:44 · Оператор", "специалистам, ответ в течение 3 дней."),
])
receipt("ru-telecom-subscription/evidence/детализация-октябрь-2026.pdf", [
    "*ПАО «МТС» · Детализация счёта",
    "Лицевой счёт 987654321, номер +7 916 000-00-00",
    "Период: 01.10.2026 – 07.10.2026",
    "01.10.2026 10:15  Контент+ (подписка)   1 500,00",
    "01.10.2026 —      Абонентская плата       450,00",
    "*Итого начислено:                       1 950,00 ₽",
])

# Russian city portal: a complaint to the regulator.
screenshot("ru-city-portal-complaint/evidence/portal-error-2026-09-14.png", "mos.ru · Мои заявления", [
    ("Заявление № 0401-9001234-2026", "Компенсация за капремонт"),
    ("Подано", "14.09.2026 09:31"),
    ("Статус", "Ошибка обработки. Обратитесь позже"),
], accent=(204, 0, 0))
screenshot("ru-city-portal-complaint/evidence/status-2026-10-20.png", "mos.ru · Мои заявления", [
    ("Заявление № 0401-9001234-2026", "Компенсация за капремонт"),
    ("Срок рассмотрения", "истёк 12.10.2026"),
    ("Статус", "На рассмотрении (без изменений)"),
], accent=(204, 0, 0))

# Ukrainian telecom.
screenshot("uk-mobile-roaming/evidence/баланс-2026-09-20.png", "Мій Київстар · Рахунок", [
    ("20.09.2026 08:03", "Роумінг, мобільний інтернет  −1 240,00 ₴"),
    ("Номер", "+380 67 000 00 00"),
    ("Тариф", "Київстар Безлім, роумінг вимкнено"),
], accent=(0, 82, 155))
receipt("uk-mobile-roaming/evidence/рахунок-вересень-2026.pdf", [
    "*ПрАТ «Київстар» · Рахунок за вересень 2026",
    "Номер +380 67 000 00 00, особовий рахунок 1234567",
    "20.09.2026  Роумінг, пакет даних     1 240,00",
    "01.09.2026  Абонентська плата          250,00",
    "*Разом до сплати:                     1 490,00 ₴",
])

# English: a bank that will not refund a duplicated card payment.
screenshot("en-bank-duplicate-payment/evidence/app-transactions-2026-09-03.png", "Northgate Bank · Transactions", [
    ("03 Sep 2026 14:22", "SKYLINE FURNITURE LTD   −£649.00"),
    ("03 Sep 2026 14:22", "SKYLINE FURNITURE LTD   −£649.00"),
    ("Available balance", "£1,204.17"),
], accent=(0, 70, 110))
receipt("en-bank-duplicate-payment/evidence/statement-september-2026.pdf", [
    "*Northgate Bank plc · Statement, September 2026",
    "Account 12345678, sort code 00-00-00",
    "03/09/2026  SKYLINE FURNITURE LTD     649.00",
    "03/09/2026  SKYLINE FURNITURE LTD     649.00",
    "10/09/2026  SALARY                 +2,310.00",
    "*Closing balance:                   1,204.17",
])
