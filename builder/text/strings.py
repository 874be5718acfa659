"""The words of the site's interface, per language; the record's own texts live in the record.

`strings("es")` falls back to English for any word not yet translated, so a page never shows a
missing key.
"""

from __future__ import annotations

import functools
from types import MappingProxyType

_EN = {
    "site_title": "Peru's crisis of rule, 2025–2026",
    "site_tagline": "The reference record: every event dated, sourced and attributed.",
    "months": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    # Date patterns: {d} day, {m} month name, {y} year; ranges join two dates.
    "date_day": "{d} {m} {y}",
    "date_month": "{m} {y}",
    "range_days_same_month": "{d1}–{d2} {m} {y}",
    "range_days_same_year": "{d1} {m1} – {d2} {m2} {y}",
    "range_months_same_year": "{m1}–{m2} {y}",
    "range": "{start} – {end}",
    "approximately": "c.",
    "month_unknown": "{y}, month not known",
    "statuses": {
        "verified": "Verified",
        "reported": "Reported",
        "alleged": "Alleged",
    },
    "status_explained": {
        "verified": "confirmed by an independent source and stated in the record's own voice.",
        "reported": "reported by the sources cited below and not independently confirmed.",
        "alleged": "a claim by a party to a dispute, not established.",
    },
    "claimed_by": "Claimed by",
    "sources_differ": "Sources differ",
    "n_sources": {"one": "1 source", "other": "{n} sources"},
    "n_events": {"one": "1 event", "other": "{n} events"},
    # Event page
    "when": "Date",
    "status": "Status",
    "themes": "Themes",
    "regions": "Regions",
    "places": "Places",
    "actors": "Actors",
    "sources": "Sources",
    "related": "Related events",
    "previous_event": "Previous event",
    "next_event": "Next event",
    "cite": "Cite this event",
    "cite_intro": "Copy this reference; the address is permanent.",
    "correct": "Suggest a correction",
    "correct_intro": (
        "Found a mistake or a better source? Propose a change to this event's file on GitHub; "
        "every change is reviewed before it is published."
    ),
    "map_of_regions": "Regions of this event",
    "by": "by {author}",
    "undated": "undated",
    "in_spanish": "in Spanish",
    "in_english": "in English",
    "pinpoint": "at {pinpoint}",
    "untranslated": "This text has not been translated yet; it is shown in English.",
    "event_id": "Event id",
    # Listing pages
    "timeline": "Timeline",
    "timeline_intro": (
        "Every event in the record, from {first} to {last}: {count}, the newest first. "
        "Each date is shown at the precision the sources give: a day, a month or a year."
    ),
    "browse_by_period": "Browse by period",
    "page_n_of": "Page {n} of {total}",
    "pages": "Pages",
    "previous_page": "Previous",
    "next_page": "Next",
    "part_n": "{label}, page {n}",
    "year_overview": "Events of {y} by month",
    "back_to_timeline": "All periods",
    # Filters
    "filters": "Filter the events",
    "filter_text": "Words",
    "filter_text_hint": "Searches titles and summaries; accents optional.",
    "filter_theme": "Theme",
    "filter_region": "Region",
    "filter_actor": "Actor",
    "filter_from": "From",
    "filter_to": "To",
    "filter_all_themes": "All themes",
    "filter_all_regions": "All regions",
    "filter_all_actors": "All actors",
    "filter_clear": "Clear filters",
    "filter_results": {
        "none": "No event matches.",
        "one": "1 event matches.",
        "other": "{n} events match.",
    },
    "filter_show_more": "Show more",
    "filter_loading": "Loading the events…",
    "filter_failed": "The events could not be loaded. Browse by period below instead.",
    # The explorer (the timeline page with JavaScript)
    "explorer_latest": "Latest: {label}",
    "explorer_latest_all": "All events of {label}",
    "explorer_no_js": (
        "This is the newest period. Every event is listed by period below, and by theme, "
        "region and actor on their own pages; the time band, the map and the filters need "
        "JavaScript."
    ),
    "band_title": "Events over time",
    "band_help": (
        "Drag across the band to choose a period, or drag the window or its edges. Keyboard: "
        "arrows move the window, Shift+arrows resize it, Escape clears it."
    ),
    "band_window": "Time window",
    "band_all_dates": "All dates",
    "band_dated": "Events dated to a day or a month",
    "band_spans": "Periods, and events known only to their year",
    "band_presidents": "Presidents",
    "band_in_office": "in office",
    "band_compressed": "Before {y}: one bar a year",
    "band_detail": "From {y}: one bar a month",
    "window_clear": "Clear the time window",
    "order": "Order",
    "order_newest": "Newest first",
    "order_oldest": "Oldest first",
    "active_filters": "Active filters",
    "chip_remove": "Remove the filter {label}",
    "chip_words": "Words: {value}",
    "chip_window": "{from} – {to}",
    "option_count": "{label} ({n})",
    "range_reversed": "The start date is after the end date: choose a start on or before the end.",
    "map_title": "Where the events happened",
    "map_skip": "Skip the map",
    "map_help": (
        "Each region is coloured by how many events name it, with every filter but the region "
        "applied. Click a region to list its events; click it again to clear."
    ),
    "map_legend": "Events per region",
    "map_no_events": "none",
    "map_reset": "Show all of Peru",
    "map_lima": "Zoom to Lima and Callao",
    "map_move": "Move the map",
    "map_moving": "Moving the map: tap the button again to scroll the page",
    "map_boundaries": "Boundaries: Natural Earth",
    "list_title": "Events",
    "selected_event": "The event you came from",
    "data_page": "Data",
    # Browse pages
    "theme": "Theme",
    "region": "Region",
    "actor": "Actor",
    "themes_intro": "Every theme of the record and its events. An event can belong to several themes.",
    "regions_intro": (
        "Peru's 26 first-level units (ISO 3166-2:PE): 24 departments, the Constitutional Province "
        "of Callao and Metropolitan Lima, with the events that took place in each; events that "
        "concern the whole country or happened abroad are listed separately."
    ),
    "actors_intro": "The people, parties, institutions and outlets named in the record, with their events.",
    "scopes": "Beyond one region",
    "column_events": "Events",
    "column_theme": "Theme",
    "column_region": "Region",
    "column_kind": "Kind",
    "column_capital": "Capital",
    "column_code": "Code",
    "column_actor": "Actor",
    "column_role": "Role",
    "region_facts": "{kind} · capital {capital} · ISO 3166-2 {iso} · INEI ubigeo {ubigeo}",
    "region_kinds": {
        "departamento": "Department",
        "provincia constitucional": "Constitutional province",
        "municipalidad metropolitana": "Metropolitan municipality",
    },
    "actor_kinds": {
        "person": "People",
        "party": "Parties",
        "institution": "Institutions",
        "organisation": "Organisations",
        "outlet": "Outlets",
        "government": "Governments",
    },
    "actor_party": "Party: {party}",
    "actor_country": "Country: {country}",
    "events_involving": "Events involving {name}",
    "claims_by": "Claims made by {name}",
    "no_events": "No event in the record yet.",
    "events_in": "Events",
    "presidents": "Presidents since 2016",
    "presidents_intro": (
        "The record counts Peru's presidents from Pedro Pablo Kuczynski's inauguration on 28 July 2016: "
        "Kuczynski is the 1st. Each bar is one term, drawn to scale and linked to its event; gaps "
        "without a president are marked. The events behind each change are under the theme {theme}."
    ),
    "presidents_missing": "The chart is not available in this build.",
    "events_index": "Events",
    "events_index_intro": (
        "Each event has a permanent page at events/<id>/. They are listed in the {timeline}, "
        "and by {themes}, {regions} and {actors}."
    ),
    # Home
    "home_intro": (
        "Between July 2016 and 2026 Peru had eight presidents. This is a reference record of the "
        "crisis of rule that culminated in 2025–2026: the removal of Dina Boluarte, the censure of "
        "José Jerí, the interim presidency of José María Balcázar and the disputed 2026 elections, "
        "with the strikes, protests, states of emergency and foreign pressures around them."
    ),
    "home_method": (
        "Every event is dated at the precision its sources allow, cites its sources, and says "
        "plainly whether it is verified, reported or alleged. Where sources disagree, the page "
        "says so."
    ),
    "home_numbers": "{events} from {first} to {last}, citing {sources}.",
    "n_sources_total": {"one": "1 source", "other": "{n} sources"},
    "latest": "Latest events",
    "see_timeline": "See the whole timeline",
    "open_timeline": "Timeline",
    # Links into the timeline from a theme, region, actor or event page. The visible words are
    # the same everywhere; the accessible names say what the timeline will show.
    "see_on_timeline": "See on the timeline",
    "see_on_timeline_theme": "See on the timeline, filtered by theme: {name}",
    "see_on_timeline_region": "See on the timeline, filtered by region: {name}",
    "see_on_timeline_actor": "See on the timeline, filtered by actor: {name}",
    "see_on_timeline_event": "See on the timeline, at this event's date",
    "open_maps": "Maps",
    "open_regions": "Regions",
    "open_presidents": "Presidents",
    "open_data": "Data",
    "how_to_read": "How to read the record",
    "how_to_read_text": "{about}, {methodology}, {sourcing} and a {glossary} of Peruvian terms.",
    "about": "About the project",
    "methodology": "how events are chosen and dated",
    "sourcing": "the sourcing policy",
    "glossary": "glossary",
    "feed": "Latest events (Atom feed)",
    "only_in_english": "Text available only in English",
    "nav": {},
    "language_name": "English",
    "switch_language_label_to": "Read this page in English",
    "offline_copy": "Download the whole site for offline reading (site.zip)",
    "offline_copy_latest": "This is an offline copy: download the latest one (site.zip)",
}

_ES = {
    "site_title": "La crisis de gobierno en el Perú, 2025–2026",
    "site_tagline": "El registro de referencia: cada hecho fechado, con fuentes y atribuido.",
    "months": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "date_day": "{d} de {m} de {y}",
    "date_month": "{m} de {y}",
    "range_days_same_month": "{d1}–{d2} de {m} de {y}",
    "range_days_same_year": "{d1} de {m1} – {d2} de {m2} de {y}",
    "range_months_same_year": "{m1}–{m2} de {y}",
    "range": "{start} – {end}",
    "approximately": "h.",
    "month_unknown": "{y}, mes desconocido",
    "statuses": {
        "verified": "Verificado",
        "reported": "Informado",
        "alleged": "Alegado",
    },
    "status_explained": {
        "verified": "confirmado por una fuente independiente y afirmado con la voz propia del registro.",
        "reported": "informado por las fuentes citadas abajo y no confirmado de forma independiente.",
        "alleged": "afirmación de una parte en una disputa, no establecida.",
    },
    "claimed_by": "Afirmado por",
    "sources_differ": "Las fuentes difieren",
    "n_sources": {"one": "1 fuente", "other": "{n} fuentes"},
    "n_events": {"one": "1 hecho", "other": "{n} hechos"},
    "when": "Fecha",
    "status": "Estado",
    "themes": "Temas",
    "regions": "Regiones",
    "places": "Lugares",
    "actors": "Actores",
    "sources": "Fuentes",
    "related": "Hechos relacionados",
    "previous_event": "Hecho anterior",
    "next_event": "Hecho siguiente",
    "cite": "Citar este hecho",
    "cite_intro": "Copie esta referencia; la dirección es permanente.",
    "correct": "Proponer una corrección",
    "correct_intro": (
        "¿Encontró un error o una fuente mejor? Proponga un cambio al archivo de este hecho en "
        "GitHub; cada cambio se revisa antes de publicarse."
    ),
    "map_of_regions": "Regiones de este hecho",
    "by": "por {author}",
    "undated": "sin fecha",
    "in_spanish": "en español",
    "in_english": "en inglés",
    "pinpoint": "en {pinpoint}",
    "untranslated": "Este texto aún no se ha traducido; se muestra en inglés.",
    "only_in_english": "Texto disponible solo en inglés",
    "event_id": "Identificador del hecho",
    "timeline": "Cronología",
    "timeline_intro": (
        "Todos los hechos del registro, de {first} a {last}: {count}, los más recientes primero. "
        "Cada fecha se muestra con la precisión que dan las fuentes: un día, un mes o un año."
    ),
    "browse_by_period": "Explorar por periodo",
    "page_n_of": "Página {n} de {total}",
    "pages": "Páginas",
    "previous_page": "Anterior",
    "next_page": "Siguiente",
    "part_n": "{label}, página {n}",
    "year_overview": "Hechos de {y} por mes",
    "back_to_timeline": "Todos los periodos",
    "filters": "Filtrar los hechos",
    "filter_text": "Palabras",
    "filter_text_hint": "Busca en títulos y resúmenes; las tildes son opcionales.",
    "filter_theme": "Tema",
    "filter_region": "Región",
    "filter_actor": "Actor",
    "filter_from": "Desde",
    "filter_to": "Hasta",
    "filter_all_themes": "Todos los temas",
    "filter_all_regions": "Todas las regiones",
    "filter_all_actors": "Todos los actores",
    "filter_clear": "Quitar filtros",
    "filter_results": {
        "none": "Ningún hecho coincide.",
        "one": "Coincide 1 hecho.",
        "other": "Coinciden {n} hechos.",
    },
    "filter_show_more": "Mostrar más",
    "filter_loading": "Cargando los hechos…",
    "filter_failed": "No se pudieron cargar los hechos. Explore por periodo más abajo.",
    "explorer_latest": "Lo más reciente: {label}",
    "explorer_latest_all": "Todos los hechos de {label}",
    "explorer_no_js": (
        "Este es el periodo más reciente. Todos los hechos están listados por periodo más abajo, "
        "y por tema, región y actor en sus propias páginas; la banda de tiempo, el mapa y los "
        "filtros requieren JavaScript."
    ),
    "band_title": "Los hechos en el tiempo",
    "band_help": (
        "Arrastre sobre la banda para elegir un periodo, o arrastre la ventana o sus bordes. "
        "Teclado: las flechas mueven la ventana, Mayús+flechas cambian su tamaño, Esc la quita."
    ),
    "band_window": "Ventana de tiempo",
    "band_all_dates": "Todas las fechas",
    "band_dated": "Hechos fechados al día o al mes",
    "band_spans": "Periodos, y hechos conocidos solo por su año",
    "band_presidents": "Presidentes",
    "band_in_office": "en funciones",
    "band_compressed": "Antes de {y}: una barra por año",
    "band_detail": "Desde {y}: una barra por mes",
    "window_clear": "Quitar la ventana de tiempo",
    "order": "Orden",
    "order_newest": "Más recientes primero",
    "order_oldest": "Más antiguos primero",
    "active_filters": "Filtros activos",
    "chip_remove": "Quitar el filtro {label}",
    "chip_words": "Palabras: {value}",
    "chip_window": "{from} – {to}",
    "option_count": "{label} ({n})",
    "range_reversed": "La fecha de inicio es posterior a la de fin: elija un inicio anterior o igual al fin.",
    "map_title": "Dónde ocurrieron los hechos",
    "map_skip": "Saltar el mapa",
    "map_help": (
        "Cada región se colorea según cuántos hechos la nombran, con todos los filtros salvo el "
        "de región. Haga clic en una región para listar sus hechos, y otra vez para quitar el filtro."
    ),
    "map_legend": "Hechos por región",
    "map_no_events": "ninguno",
    "map_reset": "Ver todo el Perú",
    "map_lima": "Acercar a Lima y el Callao",
    "map_move": "Mover el mapa",
    "map_moving": "Moviendo el mapa: toque el botón otra vez para desplazar la página",
    "map_boundaries": "Límites: Natural Earth",
    "list_title": "Hechos",
    "selected_event": "El hecho del que viene",
    "data_page": "Datos",
    "theme": "Tema",
    "region": "Región",
    "actor": "Actor",
    "themes_intro": "Todos los temas del registro y sus hechos. Un hecho puede pertenecer a varios temas.",
    "regions_intro": (
        "Las 26 unidades de primer nivel del Perú (ISO 3166-2:PE): 24 departamentos, la Provincia "
        "Constitucional del Callao y Lima Metropolitana, con los hechos ocurridos en cada una; los "
        "hechos que atañen a todo el país u ocurrieron en el extranjero se listan aparte."
    ),
    "actors_intro": "Las personas, partidos, instituciones y medios nombrados en el registro, con sus hechos.",
    "scopes": "Más allá de una región",
    "column_events": "Hechos",
    "column_theme": "Tema",
    "column_region": "Región",
    "column_kind": "Tipo",
    "column_capital": "Capital",
    "column_code": "Código",
    "column_actor": "Actor",
    "column_role": "Papel",
    "region_facts": "{kind} · capital {capital} · ISO 3166-2 {iso} · ubigeo INEI {ubigeo}",
    "region_kinds": {
        "departamento": "Departamento",
        "provincia constitucional": "Provincia constitucional",
        "municipalidad metropolitana": "Municipalidad metropolitana",
    },
    "actor_kinds": {
        "person": "Personas",
        "party": "Partidos",
        "institution": "Instituciones",
        "organisation": "Organizaciones",
        "outlet": "Medios",
        "government": "Gobiernos",
    },
    "actor_party": "Partido: {party}",
    "actor_country": "País: {country}",
    "events_involving": "Hechos en los que participa {name}",
    "claims_by": "Afirmaciones de {name}",
    "no_events": "Aún no hay hechos en el registro.",
    "events_in": "Hechos",
    "presidents": "Presidentes desde 2016",
    "presidents_intro": (
        "El registro cuenta a los presidentes del Perú desde la asunción de Pedro Pablo Kuczynski "
        "el 28 de julio de 2016: Kuczynski es el 1.º. Cada barra es un mandato, dibujado a escala y "
        "enlazado a su hecho; se marcan los periodos sin presidente. Los hechos detrás de cada "
        "cambio están en el tema {theme}."
    ),
    "presidents_missing": "El gráfico no está disponible en esta compilación.",
    "events_index": "Hechos",
    "events_index_intro": (
        "Cada hecho tiene una página permanente en events/<id>/. Se listan en la {timeline}, "
        "y por {themes}, {regions} y {actors}."
    ),
    "home_intro": (
        "Entre julio de 2016 y 2026 el Perú tuvo ocho presidentes. Este es un registro de "
        "referencia de la crisis de gobierno que culminó en 2025–2026: la vacancia de Dina "
        "Boluarte, la censura de José Jerí, la presidencia interina de José María Balcázar y las "
        "disputadas elecciones de 2026, con las huelgas, protestas, estados de emergencia y "
        "presiones extranjeras que las rodearon."
    ),
    "home_method": (
        "Cada hecho está fechado con la precisión que permiten sus fuentes, cita sus fuentes y "
        "dice claramente si está verificado, informado o alegado. Cuando las fuentes discrepan, "
        "la página lo dice."
    ),
    "home_numbers": "{events} de {first} a {last}, con {sources}.",
    "n_sources_total": {"one": "1 fuente", "other": "{n} fuentes"},
    "latest": "Últimos hechos",
    "see_timeline": "Ver toda la cronología",
    "open_timeline": "Cronología",
    "see_on_timeline": "Ver en la cronología",
    "see_on_timeline_theme": "Ver en la cronología, filtrada por tema: {name}",
    "see_on_timeline_region": "Ver en la cronología, filtrada por región: {name}",
    "see_on_timeline_actor": "Ver en la cronología, filtrada por actor: {name}",
    "see_on_timeline_event": "Ver en la cronología, en la fecha de este hecho",
    "open_maps": "Mapas",
    "open_regions": "Regiones",
    "open_presidents": "Presidentes",
    "open_data": "Datos",
    "how_to_read": "Cómo leer el registro",
    "how_to_read_text": "{about}, {methodology}, {sourcing} y un {glossary} de términos peruanos.",
    "about": "Acerca del proyecto",
    "methodology": "cómo se eligen y fechan los hechos",
    "sourcing": "la política de fuentes",
    "glossary": "glosario",
    "feed": "Últimos hechos (canal Atom)",
    # mkdocs.yml's navigation titles, for the Spanish pages' navigation.
    "nav": {
        "Home": "Inicio",
        "Timeline": "Cronología",
        "Maps": "Mapas",
        "Browse": "Explorar",
        "Themes": "Temas",
        "Regions": "Regiones",
        "Actors": "Actores",
        "Presidents since 2016": "Presidentes desde 2016",
        "Data": "Datos",
        "About": "Acerca de",
        "About the record": "Acerca del registro",
        "Methodology": "Metodología",
        "Sourcing policy": "Política de fuentes",
        "Glossary": "Glosario",
        "Contributing": "Cómo contribuir",
    },
    "language_name": "Español",
    "switch_language_label_to": "Leer esta página en español",
    "offline_copy": "Descargar todo el sitio para leerlo sin conexión (site.zip)",
    "offline_copy_latest": "Esta es una copia sin conexión: descargar la más reciente (site.zip)",
}

_STRINGS = {"en": MappingProxyType(_EN), "es": MappingProxyType(_ES)}


@functools.cache
def strings(lang: str) -> MappingProxyType:
    """The interface words for `lang` (read-only); any word missing in `lang` is the English one."""
    if lang not in _STRINGS:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(_STRINGS)}")
    return MappingProxyType({**_STRINGS["en"], **_STRINGS[lang]})


def plural(forms: dict, n: int, lang: str = "en") -> str:
    """Pick 'none', 'one' or 'other' from `forms` for the count `n`, with {n} filled in."""
    key = "none" if n == 0 and "none" in forms else "one" if n == 1 else "other"
    return forms[key].format(n=number(n, lang))


def number(value: float, lang: str, decimals: int = 0) -> str:
    """`value` as readers of `lang` write it: '12,345.6' in English, '12 345,6' in Spanish.

    Spanish groups thousands with a (non-breaking) space only from five digits, per the RAE.
    """
    text = f"{value:,.{decimals}f}"
    if lang != "es":
        return text
    whole, _, fraction = text.partition(".")
    digits = whole.replace(",", "")
    sign = "-" if digits.startswith("-") else ""
    digits = digits.lstrip("-")
    if len(digits) > 4:
        groups = []
        while digits:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = "\u00a0".join(groups)
    return sign + digits + ("," + fraction if fraction else "")


def percent(value: float, lang: str, decimals: int = 2) -> str:
    """A percentage: '50.01%' in English, '50,01 %' in Spanish (a space before the sign)."""
    text = number(value, lang, decimals)
    return f"{text}\u00a0%" if lang == "es" else f"{text}%"
