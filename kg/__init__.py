"""kg: turn Chinese institutional work reports into a knowledge graph.

>>> import kg
>>> kg.build(["report.txt"], out_dir="exports")      # Turtle + GraphML per report
>>> mentions = kg.extract("report.txt")               # mentions in the gold format
>>> doc = kg.analyse("report.txt")                    # the spaCy Doc
>>> graph = kg.build_graph(doc)                       # the rdflib Graph
"""

from .api import analyse, analyse_many, build, extract, sample_report, shared_nlp
from .errors import KGError
from .graph import build_graph
from .io import read_source
from .nlp import load_nlp

__version__ = "0.1.0"
__all__ = ["analyse", "analyse_many", "build", "build_graph", "extract", "load_nlp",
           "read_source", "sample_report", "shared_nlp", "KGError", "__version__"]
