"""The few words the maps write themselves, in English and Spanish."""

from __future__ import annotations

from builder.record.dates import PartialDate

_TEXTS = {
    "no_data": ("No data", "Sin datos"),
    "or_more": ("{n} or more", "{n} o más"),
    "events": ("Events", "Hechos"),
    "event_count": ("Number of events", "Número de hechos"),
    "region": ("Region", "Región"),
    "value": ("Value", "Valor"),
    "category": ("Category", "Categoría"),
    "note": ("Note", "Nota"),
    "points": ("Points", "Puntos"),
    "figures": ("Figures", "Cifras"),
    "points_legend": (
        "Places: click one for its details",
        "Lugares: haga clic en uno para ver sus datos",
    ),
    "legend": ("Legend", "Leyenda"),
    "sources": ("Sources", "Fuentes"),
    "notes": ("Notes", "Notas"),
    "table": ("The values as a table", "Los valores en una tabla"),
    "downloads": ("Downloads", "Descargas"),
    "csv": ("Data (CSV)", "Datos (CSV)"),
    "pdf_a4": ("Print map, A4 (PDF)", "Mapa para imprimir, A4 (PDF)"),
    "pdf_a3": ("Print map, A3 (PDF)", "Mapa para imprimir, A3 (PDF)"),
    "svg": ("Vector image (SVG)", "Imagen vectorial (SVG)"),
    "png": ("Image for sharing (PNG)", "Imagen para compartir (PNG)"),
    "map_frame": ("Interactive map: {title}", "Mapa interactivo: {title}"),
    "open_map": ("Open the map on its own page", "Abrir el mapa en su propia página"),
    "unmapped": (
        {
            "one": "1 selected event concerns the whole country or took place abroad, so it is "
            "not on the map:",
            "other": "{n} selected events concern the whole country or took place abroad, so "
            "they are not on the map:",
        },
        {
            "one": "1 hecho seleccionado concierne a todo el país u ocurrió en el extranjero, por "
            "lo que no figura en el mapa:",
            "other": "{n} hechos seleccionados conciernen a todo el país u ocurrieron en el "
            "extranjero, por lo que no figuran en el mapa:",
        },
    ),
    "more_in_region": (
        "… and {n} more: all events of the region",
        "… y {n} más: todos los hechos de la región",
    ),
    "more_unmapped": ("… and {n} more, on the pages:", "… y {n} más, en las páginas:"),
    "event_ref": ("event {id}", "hecho {id}"),
    # {date}, {start} and {end} come with their preposition (see date_phrase): "of 7 June 2026",
    # "del 7 de junio de 2026", "de junio de 2026".
    "event_of": ("event {date}", "hecho {date}"),
    "no_events": ("No events", "Sin hechos"),
    "events_from_to": ("Events {start} {end}", "Hechos {start} {end}"),
    "events_of": ("Events {date}", "Hechos {date}"),
    "events_all": ("All events in the record", "Todos los hechos del registro"),
    "themes": ("Themes: {themes}", "Temas: {themes}"),
    "all_themes": ("All themes", "Todos los temas"),
    "boundaries": (
        "Boundaries: Natural Earth (public domain)",
        "Límites: Natural Earth (dominio público)",
    ),
    "projection": (
        "Albers equal-area conic projection (parallels 3° S and 15.5° S, meridian 75° W)",
        "Proyección cónica equivalente de Albers (paralelos 3° S y 15,5° S, meridiano 75° O)",
    ),
    "built": ("Built {date}", "Generado {date}"),
    "inset": ("Lima and Callao", "Lima y Callao"),
    "maps_index_title": ("Maps", "Mapas"),
    "maps_index_intro": (
        "Each map is drawn from the record's events. Every map has its values as a table, "
        "a CSV file and print-ready PDF (A4 and A3), SVG and PNG files.",
        "Cada mapa se elabora a partir de los hechos del registro. Todos ofrecen sus valores en una "
        "tabla, un archivo CSV y archivos PDF (A4 y A3), SVG y PNG listos para imprimir.",
    ),
    "locator": ("Location of {names} in Peru", "Ubicación de {names} en el Perú"),
    "locator_none": ("Map of Peru's regions", "Mapa de las regiones del Perú"),
    "sources_differ": ("sources differ", "las fuentes difieren"),
    "status_reported": ("reported", "informado"),
    "status_alleged": ("alleged", "alegado"),
    "status_verified": ("verified", "verificado"),
    "map_page": ("Map on the web: {url}", "Mapa en la web: {url}"),
    "map_page_relative": ("Online: {url} on the site {site}", "En línea: {url} en el sitio {site}"),
    "events_in_region": (
        {"one": "1 event", "other": "{n} events"},
        {"one": "1 hecho", "other": "{n} hechos"},
    ),
    # The interactive map's controls (builder/views/maps/controls.py).
    "window": ("Period shown", "Periodo mostrado"),
    "window_from": ("From", "Desde"),
    "window_to": ("To", "Hasta"),
    "window_month_format": ("YYYY-MM", "AAAA-MM"),
    "window_reset": ("Reset the period", "Restablecer el periodo"),
    "window_reversed": (
        "“From” is after “To”: choose a start month no later than the end month.",
        "«Desde» es posterior a «Hasta»: elija un mes de inicio que no sea posterior al final.",
    ),
    "window_outside": (
        "Choose months from {first} to {last}, written as {format}.",
        "Elija meses de {first} a {last}, escritos como {format}.",
    ),
    # {period} is a period_text-style phrase without its first word: "from January 2025 to June 2026".
    "window_status": (
        {"one": "1 event {period}", "other": "{n} events {period}"},
        {"one": "1 hecho {period}", "other": "{n} hechos {period}"},
    ),
    "window_unmapped": (
        {
            "one": "(1 of them national or abroad, not on the map)",
            "other": "({n} of them national or abroad, not on the map)",
        },
        {
            "one": "(1 de ellos, nacional o en el extranjero, fuera del mapa)",
            "other": "({n} de ellos, nacionales o en el extranjero, fuera del mapa)",
        },
    ),
    "events_in_period": ("Events {period}", "Hechos {period}"),
    "timeline_link": ("See these events on the timeline", "Ver estos hechos en la cronología"),
    "skip_map": ("Skip the map", "Saltar el mapa"),
    "zoom_in": ("Zoom in", "Acercar"),
    "zoom_out": ("Zoom out", "Alejar"),
    "reset_view": ("Show all of Peru", "Mostrar todo el Perú"),
    "one_finger": ("Move the map with one finger", "Mover el mapa con un dedo"),
    "close_popup": ("Close", "Cerrar"),
    "noscript": (
        "This map needs JavaScript. The same values are in the table on the map's page.",
        "Este mapa necesita JavaScript. Los mismos valores están en la tabla de la página del mapa.",
    ),
}


def text(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang` (English unless "es"), with `values` filled in.

    A text with singular and plural forms takes the one that agrees with `n`.
    """
    en, es = _TEXTS[key]
    chosen = es if lang == "es" else en
    if isinstance(chosen, dict):
        chosen = chosen["one" if values["n"] == 1 else "other"]
    return chosen.format(**values)


def template(key: str, lang: str) -> str | tuple[str, str]:
    """The text `key` in `lang` as written, its `{…}` unfilled: for a script to fill in. A text with
    singular and plural forms comes as (singular, plural)."""
    en, es = _TEXTS[key]
    chosen = es if lang == "es" else en
    return (chosen["one"], chosen["other"]) if isinstance(chosen, dict) else chosen


_MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
}


def date_label(date: PartialDate, lang: str) -> str:
    """A date at its own precision, in words: "7 June 2026", "June 2026", "2026" (or in Spanish)."""
    lang = "es" if lang == "es" else "en"
    if date.month is None:
        return str(date.year)
    month = _MONTHS[lang].split()[date.month - 1]
    if lang == "es":
        return f"{date.day} de {month} de {date.year}" if date.day else f"{month} de {date.year}"
    return f"{date.day} {month} {date.year}" if date.day else f"{month} {date.year}"


# The preposition a date takes, by what it says of the date: with a day, with a month or a year.
# Spanish contracts "de el" and "a el" before a day ("del 7 de junio", "al 30 de junio").
_PREPOSITIONS = {
    "en": {"from": ("from", "from"), "to": ("to", "to"), "of": ("of", "of"), "on": ("on", "in")},
    "es": {"from": ("del", "de"), "to": ("al", "a"), "of": ("del", "de"), "on": ("el", "en")},
}


def date_phrase(date: PartialDate, lang: str, role: str) -> str:
    """A date after its preposition (`role`: from, to, of, on), as its precision requires:
    "del 7 de junio de 2026", "de junio de 2026", "al 30 de junio de 2026", "en 2026";
    "from 7 June 2026", "on 7 June 2026", "in June 2026"."""
    lang = "es" if lang == "es" else "en"
    with_day, without = _PREPOSITIONS[lang][role]
    return f"{with_day if date.day else without} {date_label(date, lang)}"


def period_phrase(start: PartialDate, end: PartialDate, lang: str) -> str:
    """A period after its prepositions, as its precision requires: "from January 2025 to June
    2026", "del 7 de junio de 2026 al 30 de junio de 2026"; "in June 2026", "el 7 de junio de
    2026" when the period is a single date."""
    if start == end:
        return date_phrase(start, lang, "on")
    return f"{date_phrase(start, lang, 'from')} {date_phrase(end, lang, 'to')}"


def month_words(lang: str) -> dict:
    """What a script needs to write a month as date_phrase does: the month names, how a month
    and its year are joined, and the prepositions a month takes (`from`, `to`, `on`)."""
    lang = "es" if lang == "es" else "en"
    return {
        "months": _MONTHS[lang].split(),
        "monthYear": "{month} de {year}" if lang == "es" else "{month} {year}",
        **{role: words[1] for role, words in _PREPOSITIONS[lang].items()},
    }


def period_text(start: PartialDate, end: PartialDate, lang: str) -> str:
    """The events' period: "Hechos de enero de 2025 a diciembre de 2026", "Hechos del 7 de junio
    de 2026 al 30 de junio de 2026", "Events from January 2025 to December 2026"; one date alone
    when the period is a single date ("Hechos del 7 de junio de 2026")."""
    if start == end:
        return text("events_of", lang, date=date_phrase(start, lang, "of"))
    return text(
        "events_from_to",
        lang,
        start=date_phrase(start, lang, "from"),
        end=date_phrase(end, lang, "to"),
    )
