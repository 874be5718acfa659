"""The few words the maps write themselves, in English and Spanish."""

from __future__ import annotations

from builder.dates import PartialDate

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
        "{n} selected event(s) concern the whole country or took place abroad, so they are not on the map:",
        "{n} hecho(s) seleccionado(s) afectan a todo el país u ocurrieron en el extranjero, por lo que no están en el mapa:",
    ),
    "more_in_region": (
        "… and {n} more: all events of the region",
        "… y {n} más: todos los hechos de la región",
    ),
    "more_unmapped": ("… and {n} more, on the pages:", "… y {n} más, en las páginas:"),
    "event_ref": ("event {id}", "hecho {id}"),
    "event_of": ("event of {date}", "hecho del {date}"),
    "no_events": ("No events", "Ningún hecho"),
    "events_from_to": ("Events from {start} to {end}", "Hechos del {start} al {end}"),
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
    "built": ("Built {date}", "Generado el {date}"),
    "inset": ("Lima and Callao", "Lima y Callao"),
    "maps_index_title": ("Maps", "Mapas"),
    "maps_index_intro": (
        "Each map is drawn from the record's events. Every map has its values as a table, "
        "a CSV file and print-ready PDF (A4 and A3), SVG and PNG files.",
        "Cada mapa se construye con los hechos del registro. Cada uno ofrece sus valores en una tabla, "
        "un archivo CSV y archivos PDF (A4 y A3), SVG y PNG listos para imprimir.",
    ),
    "locator": ("Location of {names} in Peru", "Ubicación de {names} en el Perú"),
    "locator_none": ("Map of Peru's regions", "Mapa de las regiones del Perú"),
    "sources_differ": ("sources differ", "las fuentes difieren"),
    "status_reported": ("reported", "informado"),
    "status_alleged": ("alleged", "alegado"),
    "status_verified": ("verified", "verificado"),
    "map_page": ("Map on the web: {url}", "Mapa en la web: {url}"),
    "map_page_relative": ("Online: {url} on the site {site}", "En línea: {url} en el sitio {site}"),
    "events_in_region": ("{n} event(s)", "{n} hecho(s)"),
    "noscript": (
        "This map needs JavaScript. The same values are in the table on the map's page.",
        "Este mapa necesita JavaScript. Los mismos valores están en la tabla de la página del mapa.",
    ),
}


def text(key: str, lang: str, **values: object) -> str:
    """The text `key` in `lang` (English unless "es"), with `values` filled in."""
    en, es = _TEXTS[key]
    return (es if lang == "es" else en).format(**values)


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
