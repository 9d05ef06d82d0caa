"""spaCy pipeline components, one module each, registered with ``@Language.factory``."""
