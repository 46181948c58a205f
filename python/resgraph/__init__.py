"""resgraph: citations of United Nations documents, and their graph.

>>> import resgraph
>>> text = "The General Assembly,\\n\\nRecalling its resolution 76/19 of 6 December 2021,\\n"
>>> doc = resgraph.extract(text)
>>> c = doc["citations"][0]
>>> c["target"], c["cited_date"], text[c["start_char"]:c["end_char"]]
('A/RES/76/19', '2021-12-06', '76/19')

Documents and rows are the JSON contract of the command line
(``docs/schema/`` in the repository; ``schema_version`` is
``resgraph.SCHEMA_VERSION``): ``resgraph.extract`` gives what
``resgraph extract --format jsonl`` prints for a text, and the queries of
``resgraph.Graph`` the rows ``resgraph ancestors ... --format json``
prints.
"""

from ._resgraph import (
    SCHEMA_VERSION,
    Graph,
    ResgraphError,
    UnknownSymbolError,
    __version__,
    extract,
)

__all__ = [
    "SCHEMA_VERSION",
    "Graph",
    "ResgraphError",
    "UnknownSymbolError",
    "__version__",
    "extract",
]
