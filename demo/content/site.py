"""Texts of the demo pages (facts from the network's old web page, in new words).

Nothing here names real people beyond the seed's photo credits and captions.
The partners' addresses and phone numbers are sample data (demo.content.network);
the legal pages leave the responsible body for the editors to fill in.
"""

import datetime

from home.models.site_settings import DEFAULT_FUNDING_NOTICE

FUNDING_NOTICE = DEFAULT_FUNDING_NOTICE
LEGAL_DATE = datetime.date(2013, 3, 31)

HOME_TITLE = "Unterstützungsnetzwerk für Alleinerziehende im Landkreis Elbe-Elster"
HOME_INTRO = (
    "<p>Alleinerziehende im Landkreis Elbe-Elster finden hier Unterstützung aus einer Hand: "
    "Rund 30 Partner aus Arbeit, Weiterbildung, sozialen Diensten und Gesundheit arbeiten "
    "im Netzwerk UNA zusammen.</p>"
)
TEASER_ABOUT = "Wer im Netzwerk mitarbeitet und wie die Zusammenarbeit organisiert ist."
TEASER_DIRECTORY = "Die passende Stelle nach Thema und Ort finden."
TEASER_SUMMARY = "Das Projekt auf einen Blick, auch als PDF zum Herunterladen."

ABOUT_INTRO = (
    "Das Unterstützungsnetzwerk für Alleinerziehende im Landkreis Elbe-Elster (UNA) ist ein "
    "offenes, kooperatives Netzwerk für Kommunikation und Dienstleistungen."
)
ABOUT_BODY = (
    "<h2>Das Projekt</h2>"
    "<p>Ziel des Projekts war es, im Landkreis Elbe-Elster ein offenes und kooperatives "
    "Kommunikations- und Dienstleistungsnetzwerk zur Unterstützung Alleinerziehender neu "
    "aufzubauen. Die Laufzeit reichte vom 01.04.2011 bis zum 31.03.2013.</p>"
    "<h2>Förderung</h2>"
    "<p>Gefördert wurde das Projekt im Rahmen des ESF-Bundesprogramms „Netzwerke wirksamer "
    "Hilfen für Alleinerziehende“ durch das Bundesministerium für Arbeit und Soziales.</p>"
    "<h2>Partner und Politikfelder</h2>"
    "<p>Etwa 30 Partner übernehmen jeweils bestimmte Teile der Unterstützung. Gesteuert wird "
    "die Arbeit in einem „kooperativen Management“: Vier Organisationen moderieren je ein "
    "Politikfeld und beziehen dabei weitere Netzwerkpartner ein.</p>"
    "<ul><li>Ausbildung / Arbeit</li><li>Berufliche Fort- und Weiterbildung</li>"
    "<li>Soziale Dienste</li><li>Gesundheit</li></ul>"
)
ABOUT_RULES_TEASER = (
    "<p>Damit das Netzwerk als Ganzes funktioniert, haben die Partner Regeln der "
    "Zusammenarbeit und ihrer Umsetzung in den eigenen Organisationen vereinbart. "
    "Weitere Hinweise gab es unter www.alleinerziehende-ee.de.</p>"
)

SUMMARY_INTRO = "Das Projekt UNA in Kürze – diese Seite gibt es auch als barrierefreies PDF."
SUMMARY_BODY = (
    "<h2>Worum es geht</h2>"
    "<p>Aufbau eines offenen, kooperativen Netzwerks, das Alleinerziehende im Landkreis "
    "Elbe-Elster unterstützt.</p>"
    "<h2>Laufzeit und Förderung</h2>"
    "<p>01.04.2011 bis 31.03.2013, gefördert im ESF-Bundesprogramm „Netzwerke wirksamer Hilfen "
    "für Alleinerziehende“ durch das Bundesministerium für Arbeit und Soziales.</p>"
    "<h2>Wer mitmacht</h2>"
    "<p>Rund 30 Partner. Vier Organisationen moderieren je ein Politikfeld: das Jobcenter "
    "Elbe-Elster, die E&amp;G Projektagentur, die EEPL GmbH sowie Horizont – Sozialwerk für "
    "Integration. Die Politikfelder sind Ausbildung / Arbeit, berufliche Fort- und "
    "Weiterbildung, soziale Dienste sowie Gesundheit.</p>"
    "<h2>Was entstanden ist</h2>"
    "<ul><li>tragfähige Netzwerkstrukturen</li>"
    "<li>Handlungsanleitungen für die Partner im Umgang mit der Zielgruppe</li>"
    "<li>eine Website speziell für Alleinerziehende und ein Imagefilm über das Netzwerk</li>"
    "<li>Ansprechpersonen für Alleinerziehende im Jobcenter an drei Standorten</li></ul>"
)

RULES_INTRO = (
    "Alle Partner des Netzwerks haben sich auf Regeln der Zusammenarbeit verständigt. "
    "Sie sichern, dass das Netzwerk als Ganzes funktioniert."
)
RULES_BODY = (
    "<h2>Wozu es Regeln gibt</h2>"
    "<p>Rund 30 Organisationen sind jeweils für einen Teil der Unterstützung zuständig. Damit "
    "Alleinerziehende nicht zwischen den Stellen verloren gehen, haben die Partner gemeinsame "
    "Regeln vereinbart – für die Zusammenarbeit im Netzwerk und für die Umsetzung in der "
    "eigenen Organisation.</p>"
    "<h2>Grundsätze</h2>"
    "<ul>"
    "<li>Das Netzwerk ist offen: Weitere Partner können einbezogen werden.</li>"
    "<li>Die Arbeit wird kooperativ gesteuert. Vier koordinierende Organisationen moderieren "
    "je ein Politikfeld und binden die übrigen Partner ein.</li>"
    "<li>Jeder Partner bringt seine Zuständigkeit ein und kennt die Zuständigkeiten der "
    "anderen.</li>"
    "<li>Die Partner setzen die Vereinbarungen auch innerhalb ihrer Organisation um.</li>"
    "<li>Für den Umgang mit Alleinerziehenden stehen gemeinsame Handlungsanleitungen "
    "bereit.</li>"
    "</ul>"
    "<p>Den genauen Wortlaut der Vereinbarung stellt die Netzwerkkoordination den Partnern "
    "zur Verfügung.</p>"
)

NEWS_INDEX_INTRO = "<p>Berichte aus dem Netzwerk: Treffen, Veranstaltungen und neue Angebote.</p>"

CLOSING_INTRO = (
    "Am 26.02.2013 hat das Netzwerk mit einer Besichtigungstour und einem gemeinsamen Ausklang "
    "in der Juselhalle Finsterwalde seine Abschlussveranstaltung gefeiert."
)
CLOSING_BODY = (
    "<p>Das Unterstützungsnetzwerk für Alleinerziehende im Landkreis Elbe-Elster wurde im "
    "ESF-Bundesprogramm „Netzwerke wirksamer Hilfen für Alleinerziehende“ durch das "
    "Bundesministerium für Arbeit und Soziales gefördert. Die Projektlaufzeit endet am "
    "31.03.2013 – und wir blicken auf ein erfolgreich umgesetztes Projekt zurück.</p>"
    "<p>Als Dank an alle Netzwerkpartner für ihr Engagement beim Aufbau und bei der Festigung "
    "des Netzwerks fand am 26.02.2013 die Abschlussveranstaltung statt.</p>"
    "<h2>Besichtigungstour</h2>"
    "<p>Zuerst besuchten die Teilnehmenden zwei Netzwerkpartner: die Medizintechnik &amp; "
    "Sanitätshaus Harald Kröger GmbH und den Lebenshilfe Finsterwalde e.V. Beide stellten ihre "
    "Räume, ihre Arbeitsfelder und ihr Engagement ausführlich vor.</p>"
    "<h2>Ausklang</h2>"
    "<p>Anschließend klang die Veranstaltung in der Juselhalle Finsterwalde aus.</p>"
)
CLOSING_FILM = (
    "<h2>Ergebnisse</h2>"
    "<p>Im Projekt wurden Netzwerkstrukturen aufgebaut und vertieft sowie Handlungsanleitungen "
    "für die Partner im Umgang mit der Zielgruppe entwickelt. Außerdem sind eine Website "
    "speziell für Alleinerziehende und ein Imagefilm über das Netzwerk entstanden.</p>"
)

TV_CREDIT = "Foto: TV & VIDEO Produktion Finsterwalde, Peter Eckenigk"
KROEGER_CREDIT = "Foto: Medizintechnik & Sanitätshaus, Harald Kröger GmbH"
# (caption, credit, text on the placeholder graphic), in the seed's order.
CLOSING_PHOTOS = [
    (
        "Frau Kröger-Schumann erläutert die Geschichte und Struktur der Medizintechnik & "
        "Sanitätshaus, Harald Kröger GmbH",
        TV_CREDIT,
        "Besichtigung Sanitätshaus",
    ),
    ("", TV_CREDIT, "Besichtigungstour 1"),
    ("", TV_CREDIT, "Besichtigungstour 2"),
    ("Meisterwerkstatt für Orthopädieschuhtechnik", KROEGER_CREDIT, "Orthopädieschuhtechnik"),
    ("Meisterwerkstatt für Orthopädietechnik", KROEGER_CREDIT, "Orthopädietechnik"),
    ("Ausklang in der Juselhalle", TV_CREDIT, "Ausklang in der Juselhalle"),
]

MEETINGS_INTRO = (
    "Rückblick zum Ende der Projektlaufzeit: Bei den Netzwerktreffen ging es neben dem "
    "Austausch auch um fachliche Vorträge."
)
MEETINGS_BODY = (
    "<p>Die Netzwerktreffen brachten die Partner regelmäßig zusammen. Neben Absprachen zur "
    "Zusammenarbeit standen thematische Vorträge auf dem Programm. An den Vortrag zur "
    "familienfreundlichen Referenzregion schloss sich eine Podiumsdiskussion mit Unternehmen, "
    "Kommunen und Netzwerkpartnern an. Im Mittelpunkt standen familienfreundliche Unternehmen, "
    "die Vereinbarkeit von Familie und Beruf und das Potenzial Alleinerziehender.</p>"
)
TALK_TITLES = [
    "Vielfalt der Lebensform Alleinerziehend",
    "Erstansprache bei Suchtproblemen",
    "Familienfreundliche Referenzregion Elbe-Elster – Input zur Wettbewerbsinitiative "
    "„Familienfreundliche Unternehmen“",
    "Medien und Sozialkontakte im Netz",
]

OFFERS_INTRO = (
    "Seit Januar 2013 haben Alleinerziehende im Jobcenter Elbe-Elster feste "
    "Ansprechpersonen. Dazu kommen neue Angebote von Netzwerkpartnern."
)
OFFERS_BODY = (
    "<h2>Ansprechpersonen im Jobcenter</h2>"
    "<p>An den Standorten Finsterwalde, Herzberg und Bad Liebenwerda gibt es seit Januar 2013 "
    "spezielle Ansprechpartnerinnen und Ansprechpartner für Alleinerziehende.</p>"
    "<h2>Weiterbildung in Teilzeit</h2>"
    "<p>Unser Netzwerkpartner IBS - CEMES Institut GmbH bietet eine IHK-zertifizierte "
    "„Berufsorientierte Weiterbildung für Arbeit suchende alleinerziehende Teilnehmer/innen, "
    "Berufsrückkehrerinnen und Frauen ohne Berufsabschluss“ in Teilzeit an.</p>"
    "<h2>Kinderbetreuung</h2>"
    "<p>Der Landkreis Elbe-Elster entwickelt ein Konzept zur flexiblen Kinderbetreuung zu "
    "Hause: Tagesmütter und Tagesväter sowie Familienpflegerinnen und Familienpfleger sollen "
    "Kinder im elterlichen Haushalt betreuen – zu den üblichen Zeiten ebenso wie in den "
    "Randzeiten. Außerdem plant unser Netzwerkpartner Medizintechnik &amp; Sanitätshaus "
    "Harald Kröger GmbH eine Betriebskita.</p>"
)

DIRECTORY_INTRO = (
    "<p>Finden Sie die passende Stelle im Netzwerk – nach Politikfeld, Ort oder Stichwort.</p>"
)

IMPRESSUM = (
    "<h2>Angaben gemäß § 5 Digitale-Dienste-Gesetz</h2>"
    "<p>Unterstützungsnetzwerk für Alleinerziehende im Landkreis Elbe-Elster (UNA)</p>"
    "<p>Verantwortliche Stelle, Anschrift und Kontakt: von der Netzwerkkoordination vor der "
    "Veröffentlichung einzutragen.</p>"
    "<h2>Förderung</h2>"
    "<p>Das Projekt wurde im Rahmen des ESF-Bundesprogramms „Netzwerke wirksamer Hilfen für "
    "Alleinerziehende“ durch das Bundesministerium für Arbeit und Soziales gefördert.</p>"
    "<h2>Bildnachweise</h2>"
    "<p>Die Bildnachweise stehen direkt unter jedem Bild.</p>"
)
PRIVACY = (
    "<h2>Grundsatz</h2>"
    "<p>Diese Website lädt keine Inhalte von fremden Servern: keine externen Schriften, keine "
    "Statistikdienste, keine eingebetteten Karten. Videos von Videoplattformen werden erst "
    "geladen, wenn Sie ausdrücklich auf „Video laden“ klicken.</p>"
    "<h2>Server-Protokolle</h2>"
    "<p>Beim Aufruf der Seiten verarbeitet der Server technisch notwendige Daten (zum Beispiel "
    "IP-Adresse und Zeitpunkt), um die Website sicher auszuliefern.</p>"
    "<h2>Meldungen zur Barrierefreiheit</h2>"
    "<p>Wenn Sie uns eine Barriere melden, speichern wir Ihre Nachricht und – falls Sie diese "
    "angeben – Ihren Namen und Ihre E-Mail-Adresse, um Ihnen antworten zu können.</p>"
    "<h2>Verantwortliche Stelle</h2>"
    "<p>Von der Netzwerkkoordination vor der Veröffentlichung einzutragen.</p>"
)
ACCESSIBILITY = (
    "<p>Wir möchten, dass alle Menschen diese Website nutzen können. Sie soll die Anforderungen "
    "der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) erfüllen.</p>"
    "<h2>Stand der Vereinbarkeit</h2>"
    "<p>Die Website ist weitgehend barrierefrei. Sie funktioniert ohne JavaScript, lässt sich "
    "mit der Tastatur bedienen und zeigt zu jedem Bild einen Alternativtext und den "
    "Bildnachweis.</p>"
    "<h2>Nicht barrierefreie Inhalte</h2>"
    "<p>Bei den Fotos der Abschlussveranstaltung handelt es sich derzeit um Platzhaltergrafiken. "
    "Ältere PDF-Dokumente sind möglicherweise nicht vollständig barrierefrei.</p>"
    "<h2>Feedback und Kontakt</h2>"
    "<p>Mit dem Formular unten können Sie uns Barrieren melden. Wir antworten so bald wie "
    "möglich.</p>"
    "<h2>Schlichtungsverfahren</h2>"
    "<p>Wenn Sie mit unserer Antwort nicht zufrieden sind, können Sie sich an die zuständige "
    "Schlichtungsstelle wenden. Die Kontaktdaten trägt die Netzwerkkoordination vor der "
    "Veröffentlichung ein.</p>"
)
ACCESSIBILITY_FORM_INTRO = (
    "<p>Ist Ihnen eine Barriere aufgefallen? Schreiben Sie uns. Name und E-Mail-Adresse "
    "sind freiwillig; wir brauchen sie nur, wenn Sie eine Antwort möchten.</p>"
)
EASY_LANGUAGE = (
    "<h2>Was ist UNA?</h2>"
    "<p>UNA ist ein Netzwerk.</p>"
    "<p>Ein Netzwerk ist eine Gruppe.</p>"
    "<p>In der Gruppe arbeiten viele Stellen zusammen.</p>"
    "<p>Zum Beispiel: das Jobcenter.</p>"
    "<h2>Für wen ist UNA?</h2>"
    "<p>UNA ist für Allein-Erziehende.</p>"
    "<p>Allein-Erziehende sind Mütter oder Väter.</p>"
    "<p>Sie kümmern sich allein um ihre Kinder.</p>"
    "<p>Sie wohnen im Landkreis Elbe-Elster.</p>"
    "<h2>Was finden Sie auf dieser Internet-Seite?</h2>"
    "<ul>"
    "<li>Infos über das Netzwerk.</li>"
    "<li>Eine Liste mit allen Partnern.<br/>Dort finden Sie Hilfe in Ihrer Nähe.</li>"
    "<li>Nachrichten aus dem Netzwerk.</li>"
    "</ul>"
    "<h2>Wer hat UNA bezahlt?</h2>"
    "<p>Das Geld kam vom Bundes-Ministerium für Arbeit und Soziales.</p>"
    "<p>Und vom Europäischen Sozial-Fonds.</p>"
    "<p>Das Geld gab es vom 1. April 2011 bis zum 31. März 2013.</p>"
)

SYNTHETIC_BODY = (
    "<p>Testdaten: Dieser Text dient nur dazu, viele Seiten für Last- und Layouttests zu "
    "erzeugen.</p>"
)
