#!/usr/bin/env python3
"""Writes the registration-form fixtures under Fixtures/forms/ (fictional people), as the tools write them:

- ODK / KoBoToolbox submissions (groups as nested elements, select_one/select_multiple answers as choice codes,
  meta/instanceID), French and English forms;
- .xlsx as KoBoToolbox exports it with labels for headers and answers (French), and as Google Forms exports
  responses (English: question labels, a serial-number timestamp, checkbox answers joined by ", ");
- SpreadsheetML (Excel 2003 XML), the same answers as the .xlsx.

Standard library only (zipfile); run from this folder: python3 make_form_fixtures.py
"""
import datetime
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "Fixtures", "forms")

# French form: element paths (ODK) and labels (exports with labels).
FR_COLUMNS = [
    ("start", "start"), ("end", "end"),
    ("identite/nom_complet", "Nom complet"), ("identite/courriel", "Courriel"),
    ("identite/ville", "Ville"), ("identite/pays", "Pays"),
    ("voyage/date_arrivee", "Date d'arrivée"), ("voyage/aeroport_arrivee", "Aéroport d'arrivée"),
    ("voyage/numero_vol", "Numéro de vol"), ("voyage/date_depart", "Date de départ"),
    ("voyage/vol_retour", "Vol retour"),
    ("hebergement/besoin_hebergement", "Hébergement"), ("hebergement/hotel_souhaite", "Hôtel souhaité"),
    ("hebergement/adresse_locale", "Adresse locale"),
    ("regime_alimentaire", "Régime alimentaire"), ("contact_urgence", "Contact d'urgence"),
    ("sessions_souhaitees", "Sessions souhaitées"), ("remarques", "Remarques"),
    ("meta/instanceID", "_uuid"),
]
# Per person: codes (ODK) and labels (label exports), None when unanswered.
FR_PEOPLE = [
    {
        "start": "2027-01-15T09:02:11.000+00:00", "end": "2027-01-15T09:10:40.000+00:00",
        "identite/nom_complet": "Mariam Coulibaly", "identite/courriel": "Mariam.Coulibaly@example.org",
        "identite/ville": "Bamako", "identite/pays": ("ML", "Mali"),
        "voyage/date_arrivee": "2027-03-22T14:25:00.000+02:00", "voyage/aeroport_arrivee": ("KGL", "Kigali (KGL)"),
        "voyage/numero_vol": "et813", "voyage/date_depart": "2027-03-26T10:35:00.000+02:00",
        "voyage/vol_retour": "ET 812", "hebergement/besoin_hebergement": ("oui", "Oui"),
        "hebergement/hotel_souhaite": ("radisson", "Radisson Blu"),
        "regime_alimentaire": ("vegetarien", "Végétarienne"), "contact_urgence": "Oumar Coulibaly +223 70 00 00 00",
        "sessions_souhaitees": ("opening workshop-a", "Ouverture, Atelier A"),
        "meta/instanceID": "uuid:5c7e0d1a-0001-4c3b-9f00-000000000001",
    },
    {
        "start": "2027-01-16T11:00:00.000+00:00", "end": "2027-01-16T11:06:00.000+00:00",
        "identite/nom_complet": "Aminata Sow", "identite/courriel": "aminata.sow@example.org",
        "identite/ville": "Nouakchott", "identite/pays": ("MR", "Mauritanie"),
        "voyage/date_arrivee": "2027-03-22T22:50:00.000+02:00", "voyage/aeroport_arrivee": ("KGL", "Kigali (KGL)"),
        "voyage/numero_vol": "WB 203", "hebergement/besoin_hebergement": ("oui", "Oui"),
        "regime_alimentaire": ("sans_porc halal", "Sans porc, Halal"),
        "sessions_souhaitees": ("opening cloture", "Ouverture, Clôture"),
        "remarques": "Allergie aux arachides",
        "meta/instanceID": "uuid:5c7e0d1a-0002-4c3b-9f00-000000000002",
    },
    {
        "start": "2027-01-17T08:30:00.000+00:00", "end": "2027-01-17T08:41:00.000+00:00",
        "identite/nom_complet": "Jean-Baptiste Hounkpè", "identite/courriel": "jb.hounkpe@example.bj",
        "identite/ville": "Sèmè-Podji", "identite/pays": ("BJ", "Bénin"),
        "voyage/date_arrivee": "2027-03-23T07:10:00.000+02:00", "voyage/aeroport_arrivee": ("KLG", "KLG"),
        "voyage/numero_vol": "KQ 478", "hebergement/besoin_hebergement": ("non", "Non"),
        "hebergement/adresse_locale": "Chez un collègue, Kacyiru",
        "regime_alimentaire": ("aucun", "Aucun"), "sessions_souhaitees": ("atelier-a", "Atelier A"),
        "meta/instanceID": "uuid:5c7e0d1a-0003-4c3b-9f00-000000000003",
    },
    {
        "start": "2027-01-18T10:00:00.000+00:00", "end": "2027-01-18T10:01:00.000+00:00",
        "identite/nom_complet": "Sans Courriel", "identite/pays": ("RW", "Rwanda"),
        "meta/instanceID": "uuid:5c7e0d1a-0004-4c3b-9f00-000000000004",
    },
]

EN_COLUMNS = [
    ("timestamp", "Timestamp"), ("participant/full_name", "Full name"), ("participant/email", "Email address"),
    ("participant/city", "City"), ("participant/country", "Country"),
    ("travel/arrival_datetime", "Arrival date and time"), ("travel/arrival_airport", "Arrival airport"),
    ("travel/flight_number", "Flight number"), ("travel/departure_datetime", "Departure date and time"),
    ("travel/departure_flight", "Departure flight"),
    ("stay/needs_hotel", "Do you need accommodation?"), ("stay/hotel_preference", "Preferred hotel"),
    ("stay/local_address", "Local address"),
    ("dietary", "Dietary requirements"), ("emergency_contact", "Emergency contact"),
    ("sessions", "Sessions you wish to attend"), ("tshirt", "T-shirt size"),
    ("meta/instanceID", None),
]
EN_PEOPLE = [
    {
        "timestamp": "2027-01-20T10:15:00", "participant/full_name": "Kwame Mensah",
        "participant/email": "kwame.mensah@example.com.gh", "participant/city": "Kumasi",
        "participant/country": ("GH", "Ghana"),
        "travel/arrival_datetime": "2027-03-22T14:25", "travel/arrival_airport": ("KGL", "Kigali International Airport"),
        "travel/flight_number": "ET 813", "travel/departure_datetime": "2027-03-26T10:35",
        "travel/departure_flight": "ET812", "stay/needs_hotel": ("yes", "Yes"),
        "stay/hotel_preference": ("radisson", "Radisson Blu"), "dietary": ("vegetarian", "Vegetarian"),
        "emergency_contact": "Ama Mensah +233 20 000 0000",
        "sessions": ("opening workshop-a", "Opening, Workshop A"), "tshirt": ("l", "L"),
        "meta/instanceID": "uuid:0e4b2f6c-0001-4a5d-8b00-000000000001",
    },
    {
        "timestamp": "2027-01-21T16:40:00", "participant/full_name": "Amina Uwase",
        "participant/email": "amina.uwase@example.rw", "participant/city": "Kigali",
        "participant/country": ("RW", "Rwanda"), "stay/needs_hotel": ("no", "No"),
        "stay/local_address": "KG 7 Ave, Kacyiru, Kigali", "dietary": ("gluten_free", "Gluten-free"),
        "sessions": ("opening workshp-a", "Opening, Workshp A"), "tshirt": ("m", "M"),
        "meta/instanceID": "uuid:0e4b2f6c-0002-4a5d-8b00-000000000002",
    },
    {
        "timestamp": "2027-01-22T09:05:00", "participant/full_name": "Amina Uwase",
        "participant/email": "a.uwase@example.org", "participant/city": "Kampala",
        "participant/country": ("UG", "Uganda"),
        "travel/arrival_datetime": "2027-03-22T19:20", "travel/arrival_airport": ("KGL", "Kigali International Airport"),
        "travel/flight_number": "WB 401", "stay/needs_hotel": ("yes", "Yes"),
        "dietary": ("halal no_pork", "Halal, No pork"), "sessions": ("opening", "Opening"),
        "meta/instanceID": "uuid:0e4b2f6c-0003-4a5d-8b00-000000000003",
    },
    {
        "timestamp": "2027-01-23T12:00:00", "participant/full_name": "No Email Given",
        "participant/country": ("NG", "Nigeria"), "meta/instanceID": "uuid:0e4b2f6c-0004-4a5d-8b00-000000000004",
    },
]


def value(person, column, labels):
    v = person.get(column)
    if isinstance(v, tuple):
        return v[1] if labels else v[0]
    return v


def odk(path, root, form_id, columns, people):
    """One submissions file: each instance with its groups nested, as ODK Aggregate / KoBo write them."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           "<!-- Fictional registrations, as an ODK/KoBoToolbox submissions export (choice codes). -->",
           "<submissions>"]
    for person in people:
        out.append(f'  <{root} id="{form_id}" version="2027011501" '
                   'xmlns:orx="http://openrosa.org/xforms" xmlns:jr="http://openrosa.org/javarosa">')
        open_groups = []
        for column, _ in columns:
            steps = column.split("/")
            groups, leaf = steps[:-1], steps[-1]
            while open_groups and open_groups != groups[:len(open_groups)]:
                out.append("  " * (len(open_groups) + 1) + f"</{open_groups.pop()}>")
            for g in groups[len(open_groups):]:
                out.append("  " * (len(open_groups) + 2) + f"<{g}>")
                open_groups.append(g)
            v = value(person, column, labels=False)
            indent = "  " * (len(open_groups) + 2)
            out.append(f"{indent}<{leaf}/>" if v is None else f"{indent}<{leaf}>{escape(v)}</{leaf}>")
        while open_groups:
            out.append("  " * (len(open_groups) + 1) + f"</{open_groups.pop()}>")
        out.append(f"  </{root}>")
    out.append("</submissions>")
    write(path, "\n".join(out) + "\n")


def serial(text):
    moment = datetime.datetime.fromisoformat(text)
    delta = moment - datetime.datetime(1899, 12, 30)
    return delta.days + delta.seconds / 86400


def rows_of(columns, people, labels, serial_columns):
    header = [label if labels else column for column, label in columns if (label if labels else column)]
    keep = [column for column, label in columns if (label if labels else column)]
    rows = [header]
    for person in people:
        row = []
        for column in keep:
            v = value(person, column, labels)
            row.append(serial(v) if v is not None and column in serial_columns else v)
        rows.append(row)
    return rows


def column_letter(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def xlsx(path, sheet, rows):
    """A workbook as spreadsheet tools write it: shared strings, a date style for serial numbers, blanks omitted."""
    strings, index = [], {}
    cells = []
    for r, row in enumerate(rows, start=1):
        parts = []
        for c, v in enumerate(row):
            ref = f"{column_letter(c)}{r}"
            if v is None:
                continue
            if isinstance(v, float):
                parts.append(f'<c r="{ref}" s="1"><v>{v!r}</v></c>')
            else:
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                parts.append(f'<c r="{ref}" t="s"><v>{index[v]}</v></c>')
        cells.append(f'<row r="{r}">{"".join(parts)}</row>')
    sheet_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                 f'<sheetData>{"".join(cells)}</sheetData></worksheet>')
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
              f'count="{len(strings)}" uniqueCount="{len(strings)}">'
              + "".join(f"<si><t xml:space=\"preserve\">{escape(s)}</t></si>" for s in strings) + "</sst>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/></numFmts>'
              '<fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts>'
              '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
              '<borders count="1"><border/></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
              '</styleSheet>')
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                f'<sheets><sheet name="{escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            '</Relationships>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 '</Relationships>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
             '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
             '</Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook),
                           ("xl/_rels/workbook.xml.rels", rels), ("xl/worksheets/sheet1.xml", sheet_xml),
                           ("xl/sharedStrings.xml", shared), ("xl/styles.xml", styles)]:
            info = zipfile.ZipInfo(name, date_time=(2027, 1, 25, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text)


def spreadsheetml(path, sheet, rows):
    """Excel 2003 XML: blanks skipped with ss:Index, serial-number dates written as DateTime cells."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<?mso-application progid="Excel.Sheet"?>',
           '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
           'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
           ' <Styles><Style ss:ID="d"><NumberFormat ss:Format="yyyy\\-mm\\-dd\\ hh:mm"/></Style></Styles>',
           f' <Worksheet ss:Name="{escape(sheet)}">', "  <Table>"]
    for row in rows:
        out.append("   <Row>")
        skipped = False
        for c, v in enumerate(row, start=1):
            if v is None:
                skipped = True
                continue
            index = f' ss:Index="{c}"' if skipped else ""
            skipped = False
            if isinstance(v, float):
                moment = datetime.datetime(1899, 12, 30) + datetime.timedelta(days=v)
                out.append(f'    <Cell{index} ss:StyleID="d"><Data ss:Type="DateTime">'
                           f'{moment.strftime("%Y-%m-%dT%H:%M:%S")}.000</Data></Cell>')
            else:
                out.append(f'    <Cell{index}><Data ss:Type="String">{escape(v)}</Data></Cell>')
        out.append("   </Row>")
    out += ["  </Table>", " </Worksheet>", "</Workbook>"]
    write(path, "\n".join(out) + "\n")


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    odk(os.path.join(HERE, "inscription-fr.odk.xml"), "data", "inscription_kigali_2027", FR_COLUMNS, FR_PEOPLE)
    odk(os.path.join(HERE, "registration-en.odk.xml"), "data", "registration_kigali_2027", EN_COLUMNS, EN_PEOPLE)
    fr_rows = rows_of(FR_COLUMNS, FR_PEOPLE, labels=True, serial_columns=())
    en_rows = rows_of(EN_COLUMNS, EN_PEOPLE, labels=True,
                      serial_columns=("timestamp", "travel/arrival_datetime", "travel/departure_datetime"))
    xlsx(os.path.join(HERE, "inscription-fr.xlsx"), "Inscription Kigali 2027", fr_rows)
    xlsx(os.path.join(HERE, "registration-en.xlsx"), "Form Responses 1", en_rows)
    spreadsheetml(os.path.join(HERE, "inscription-fr.spreadsheetml.xml"), "Inscription Kigali 2027", fr_rows)
    spreadsheetml(os.path.join(HERE, "registration-en.spreadsheetml.xml"), "Form Responses 1", en_rows)
    # A newer export of the English form: one more person, and Kwame's flight changed.
    newer = [dict(p) for p in EN_PEOPLE]
    newer[0]["travel/flight_number"] = "ET 815"
    newer.insert(1, {
        "timestamp": "2027-01-24T08:00:00", "participant/full_name": "Ngozi Okafor",
        "participant/email": "ngozi.okafor@example.com", "participant/city": "Lagos",
        "participant/country": ("NG", "Nigeria"), "dietary": ("vegetarian", "Végétarien"),
        "sessions": ("opening", "Opening"), "meta/instanceID": "uuid:0e4b2f6c-0005-4a5d-8b00-000000000005",
    })
    xlsx(os.path.join(HERE, "newer", "registration-en.xlsx"), "Form Responses 1",
         rows_of(EN_COLUMNS, newer, labels=True,
                 serial_columns=("timestamp", "travel/arrival_datetime", "travel/departure_datetime")))


main()
