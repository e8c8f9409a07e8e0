"""The PDFs' publisher details in the demo: visibly sample data, placeholder logos."""

NETWORK_LOGO = ("Platzhalter-Logo UNA Elbe-Elster", "Logo UNA Elbe-Elster")
FUNDER_LOGOS = [
    ("Platzhalter-Logo Europäischer Sozialfonds (ESF)", "Logo ESF"),
    ("Platzhalter-Logo Bundesministerium für Arbeit und Soziales", "Logo BMAS"),
]
LOGO_CREDIT = "Grafik: Platzhalter, kein echtes Logo"
PUBLISHER = {
    "publisher_name": "Netzwerkkoordination UNA Elbe-Elster (Beispielangabe)",
    "publisher_address": (
        "Beispielstraße 1\n04916 Beispielstadt\nTelefon 03535 000000 (Beispiel)\n"
        "E-Mail netzwerk@beispiel.invalid (Beispiel)"
    ),
    "imprint_text": (
        "Verantwortlich für den Inhalt: Vorname Name (Beispielangabe).\n"
        "Dieses Impressum enthält Beispieldaten der Demo und ist vor der Nutzung zu ersetzen."
    ),
}
SUMMARY_PDF_INTRO = "Das Projekt UNA – Unterstützungsnetzwerk für Alleinerziehende – in Kürze."
