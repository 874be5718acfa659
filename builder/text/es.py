"""The site's interface words in Spanish: one table, read through `builder.text.strings`."""

from __future__ import annotations

from babel.dates import get_month_names

WORDS = {
    "site_title": "La crisis de gobierno en el Perú, 2025–2026",
    "site_tagline": "El registro de referencia: cada hecho fechado, con fuentes y atribuido.",
    # Babel's (CLDR's) month names for "es" are the house style.
    "months": tuple(get_month_names("wide", locale="es").values()),
    "date_day": "{d} de {m} de {y}",
    "date_month": "{m} de {y}",
    "date_day_short": "{d} {m} {y}",
    # Spanish contracts "de el" and "a el" before a day ("del 7 de junio", "al 30 de junio").
    "date_prepositions": {
        "from": ("del", "de"),
        "to": ("al", "a"),
        "of": ("del", "de"),
        "on": ("el", "en"),
    },
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
        "verified": (
            "confirmado por una fuente independiente y afirmado con la voz propia del registro."
        ),
        "reported": (
            "informado por las fuentes citadas abajo y no confirmado de forma independiente."
        ),
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
    # The correction links of an event page: the issue form, prefilled, and the file's editor.
    "correct_choice": (
        "Descríbalo en un formulario, con su fuente (basta una cuenta de GitHub), o edite usted "
        "mismo el archivo del hecho en el editor de GitHub."
    ),
    "correct_form": "Informar en un formulario",
    "correct_edit": "Editar el archivo en GitHub",
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
    "range_reversed": (
        "La fecha de inicio es posterior a la de fin: elija un inicio anterior o igual al fin."
    ),
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
    "themes_intro": (
        "Todos los temas del registro y sus hechos. Un hecho puede pertenecer a varios temas."
    ),
    "regions_intro": (
        "Las 26 unidades de primer nivel del Perú (ISO 3166-2:PE): 24 departamentos, la Provincia "
        "Constitucional del Callao y Lima Metropolitana, con los hechos ocurridos en cada una; los "
        "hechos que atañen a todo el país u ocurrieron en el extranjero se listan aparte."
    ),
    "actors_intro": (
        "Las personas, partidos, instituciones y medios nombrados en el registro, con sus hechos."
    ),
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
    "not_in_calendar": "Hechos que no están en el calendario",
    "not_in_calendar_intro": (
        "La descarga del calendario ({calendar}) solo tiene los días que el registro conoce: un "
        "hecho conocido solo por mes o año no tiene un día en que mostrarse, así que queda fuera. "
        "Estos son esos hechos, por fecha. Cada uno está en las demás descargas y en la "
        "{timeline}, bajo su mes o año."
    ),
    "not_in_calendar_none": "Todos los hechos del registro están en el calendario.",
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
    # The footer's credit to the theme: "Hecho con Material for MkDocs".
    "made_with": "Hecho con",
    "not_found": {
        "title": "Página no encontrada",
        "text": "No hay ninguna página en esta dirección: puede estar mal escrita. Los hechos del "
        "registro conservan sus direcciones, aunque cambien de nombre.",
        "home_label": "Ir a la página de inicio",
    },
    "language_name": "Español",
    "switch_language_label_to": "Leer esta página en español",
    # Offered under a search that found nothing, on the other language's pages, in this language.
    "search_in_language": "Buscar «{query}» en las páginas en español",
    # The page left at an event's earlier address (builder/views/pages/moved.py).
    "moved_page": "La página de este hecho se trasladó:",
    "offline_copy": "Descargar todo el sitio para leerlo sin conexión (site.zip)",
    "offline_copy_latest": "Esta es una copia sin conexión: descargar la más reciente (site.zip)",
    # The maps (builder/views/maps/), read through builder.text.map_texts.
    "maps": {
        "no_data": "Sin datos",
        "or_more": "{n} o más",
        "events": "Hechos",
        "event_count": "Número de hechos",
        "region": "Región",
        "value": "Valor",
        "category": "Categoría",
        "note": "Nota",
        "points": "Puntos",
        "figures": "Cifras",
        "points_legend": "Lugares: haga clic en uno para ver sus datos",
        "legend": "Leyenda",
        "sources": "Fuentes",
        "notes": "Notas",
        "table": "Los valores en una tabla",
        "downloads": "Descargas",
        "csv": "Datos (CSV)",
        "pdf_a4": "Mapa para imprimir, A4 (PDF)",
        "pdf_a3": "Mapa para imprimir, A3 (PDF)",
        "svg": "Imagen vectorial (SVG)",
        "png": "Imagen para compartir (PNG)",
        "map_frame": "Mapa interactivo: {title}",
        "open_map": "Abrir el mapa en su propia página",
        "unmapped": {
            "one": (
                "1 hecho seleccionado concierne a todo el país u ocurrió en el extranjero, por lo "
                "que no figura en el mapa:"
            ),
            "other": (
                "{n} hechos seleccionados conciernen a todo el país u ocurrieron en el "
                "extranjero, por lo que no figuran en el mapa:"
            ),
        },
        "more_in_region": "… y {n} más: todos los hechos de la región",
        "more_unmapped": "… y {n} más, en las páginas:",
        "event_ref": "hecho {id}",
        "event_of": "hecho {date}",
        "no_events": "Sin hechos",
        "events_from_to": "Hechos {start} {end}",
        "events_of": "Hechos {date}",
        "events_all": "Todos los hechos del registro",
        "themes": "Temas: {themes}",
        "all_themes": "Todos los temas",
        "boundaries": "Límites: Natural Earth (dominio público)",
        "projection": (
            "Proyección cónica equivalente de Albers (paralelos 3° S y 15,5° S, meridiano 75° O)"
        ),
        "built": "Generado {date}",
        "inset": "Lima y Callao",
        "maps_index_title": "Mapas",
        "maps_index_intro": (
            "Cada mapa se elabora a partir de los hechos del registro. Todos ofrecen sus valores "
            "en una tabla, un archivo CSV y archivos PDF (A4 y A3), SVG y PNG listos para "
            "imprimir."
        ),
        "locator": "Ubicación de {names} en el Perú",
        "locator_none": "Mapa de las regiones del Perú",
        "sources_differ": "las fuentes difieren",
        "status_reported": "informado",
        "status_alleged": "alegado",
        "status_verified": "verificado",
        "map_page": "Mapa en la web: {url}",
        "map_page_relative": "En línea: {url} en el sitio {site}",
        "events_in_region": {"one": "1 hecho", "other": "{n} hechos"},
        "window": "Periodo mostrado",
        "window_from": "Desde",
        "window_to": "Hasta",
        "window_month_format": "AAAA-MM",
        "window_reset": "Restablecer el periodo",
        "window_reversed": (
            "«Desde» es posterior a «Hasta»: elija un mes de inicio que no sea posterior al final."
        ),
        "window_outside": "Elija meses de {first} a {last}, escritos como {format}.",
        "window_status": {"one": "1 hecho {period}", "other": "{n} hechos {period}"},
        "window_unmapped": {
            "one": "(1 de ellos, nacional o en el extranjero, fuera del mapa)",
            "other": "({n} de ellos, nacionales o en el extranjero, fuera del mapa)",
        },
        "events_in_period": "Hechos {period}",
        "timeline_link": "Ver estos hechos en la cronología",
        "skip_map": "Saltar el mapa",
        "zoom_in": "Acercar",
        "zoom_out": "Alejar",
        "reset_view": "Mostrar todo el Perú",
        "one_finger": "Mover el mapa con un dedo",
        "close_popup": "Cerrar",
        "noscript": (
            "Este mapa necesita JavaScript. Los mismos valores están en la tabla de la página del "
            "mapa."
        ),
    },
    # The downloads and feeds (builder/views/exports.py).
    "downloads": {
        "record": "La crisis de gobierno del Perú, 2025–2026: el registro",
        "feed_subtitle": "Los hechos que el registro añadió o cambió por última vez, del cambio más reciente al más antiguo.",
        "license_notice": (
            "Los hechos, resúmenes y estructura son obra propia del registro, bajo CC BY 4.0. Los "
            "artículos de las fuentes tienen derechos de autor de sus editores: se citan, nunca "
            "se reproducen."
        ),
        "calendar": "La crisis de gobierno del Perú, 2025–2026",
        "author": "Colaboradores del Registro de la crisis del Perú",
        "calendar_description": (
            "Hechos del registro conocidos al día. Los hechos fechados solo por mes o por año no "
            "están en este calendario; un período de más de 31 días aparece en su primer y su "
            "último día."
        ),
        "period_begins": "Comienza: {title} ({dates})",
        "period_ends": "Termina: {title} ({dates})",
        "feed_about": (
            "Este es el canal de noticias del registro. Para seguir los hechos nuevos y "
            "modificados, copie la dirección de esta página en un lector de canales."
        ),
        "feed_read_more": "Leer la página del hecho",
        "feed_changed": "Añadido o modificado:",
        "feed_css_comment": (
            "Cómo muestra un navegador el canal de noticias; los lectores de canales no lo cargan."
        ),
        "approx": "aprox.",
        "note": "Las fuentes difieren",
        "status": "Estado",
        "sources": "Fuentes",
        "undated": "s. f.",
        "statuses": {"verified": "verificado", "reported": "informado", "alleged": "alegado"},
    },
    # The presidents chart (builder/views/presidents_chart.py).
    "chart": {
        "title": "Presidentes del Perú desde el {start}",
        "subtitle": (
            "Contados desde la asunción de {name} el {start}. Una barra por mandato, a escala."
        ),
        "no_president": "Sin presidente",
        "in_office": "desde el {start} (en funciones)",
        "desc_intro": (
            "Línea de tiempo de {count} mandatos presidenciales del Perú desde el {start}, a "
            "escala, sobre un eje de {axis_start} a {axis_end}."
        ),
        "desc_term": "{ordinal}: {name}, del {start} al {end}.",
        "desc_current": (
            "{ordinal}: {name}, desde el {start}; en funciones según la última fuente ({known})."
        ),
        "desc_gap": "Sin presidente del {start} al {end}.",
    },
}
